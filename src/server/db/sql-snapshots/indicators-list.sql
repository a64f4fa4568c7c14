-- statement 1 of 3
select
  "cf_cycles"."country_code" as "country",
  "cf_cycles"."period_start",
  "cf_cycles"."period_end"
from
  "cf_outcomes"
  inner join "cf_cycles" on "cf_cycles"."id" = "cf_outcomes"."cycle_id"
where
  "cf_outcomes"."id" = $1;

-- statement 2 of 3
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 3 of 3
select
  *
from
  "indicators"
where
  "node_type" = $1
  and "node_id" = $2
order by
  "code";

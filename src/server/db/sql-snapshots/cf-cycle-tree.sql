-- statement 1 of 6
select
  *
from
  "cf_cycles"
where
  "id" = $1;

-- statement 2 of 6
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 3 of 6
select
  *
from
  "cf_priorities"
where
  "cycle_id" = $1
order by
  "code";

-- statement 4 of 6
select
  *
from
  "cf_outcomes"
where
  "cycle_id" = $1
order by
  "code";

-- statement 5 of 6
select
  "cf_outputs".*
from
  "cf_outputs"
  inner join "cf_outcomes" on "cf_outcomes"."id" = "cf_outputs"."outcome_id"
where
  "cf_outcomes"."cycle_id" = $1
order by
  "cf_outputs"."code";

-- statement 6 of 6
select
  "l"."outcome_id",
  "l"."target_code"
from
  "cf_outcome_sdg_targets" as "l"
  inner join "cf_outcomes" on "cf_outcomes"."id" = "l"."outcome_id"
where
  "cf_outcomes"."cycle_id" = $1
order by
  "l"."target_code";

-- statement 1 of 2
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 2 of 2
select
  *
from
  "constituents"
where
  "country_code" = $1
order by
  "kind",
  "name";

-- statement 1 of 1
select
  "country_profiles".*,
  "countries"."name_en",
  "countries"."name_fr",
  "countries"."name_es",
  "offices"."name" as "covering_office_name",
  "offices"."code" as "covering_office_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
  inner join "countries" on "countries"."code" = "country_profiles"."country_code"
order by
  "countries"."name_en";

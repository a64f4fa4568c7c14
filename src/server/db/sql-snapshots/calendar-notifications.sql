-- statement 1 of 2
select
  "m".*,
  "countries"."name_en" as "country_name_en",
  "countries"."name_fr" as "country_name_fr",
  "countries"."name_es" as "country_name_es"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
  inner join "programming_milestones" as "m" on "m"."country_code" = "country_profiles"."country_code"
  inner join "countries" on "countries"."code" = "m"."country_code"
where
  "m"."due_date" >= $1
  and "m"."due_date" < $2
  and "m"."done_on" is null
order by
  "m"."due_date",
  "countries"."name_en";

-- statement 2 of 2
select
  *
from
  "constituents"
where
  "country_code" in ($1)
order by
  "kind";

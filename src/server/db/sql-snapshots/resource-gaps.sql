-- statement 1 of 2
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 2
select
  "n"."id",
  "n"."cpo_id",
  "n"."year_from",
  "n"."year_to",
  "n"."currency",
  "n"."needed",
  "n"."available_at_identification",
  "n"."version",
  "cpos"."code",
  "cpos"."text",
  "countries"."name_en" as "country"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
  inner join "dwcps" on "dwcps"."country_code" = "country_profiles"."country_code"
  inner join "cpos" on "cpos"."dwcp_id" = "dwcps"."id"
  inner join "resource_needs" as "n" on "n"."cpo_id" = "cpos"."id"
  inner join "countries" on "countries"."code" = "dwcps"."country_code"
where
  "n"."year_from" <= $1
  and "n"."year_to" >= $2
order by
  "countries"."name_en",
  "cpos"."code",
  "n"."year_from";

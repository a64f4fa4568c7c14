-- statement 1 of 7
select
  *
from
  "dwcps"
where
  "id" = $1;

-- statement 2 of 7
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 3 of 7
select
  *
from
  "dwcp_priorities"
where
  "dwcp_id" = $1
order by
  "code";

-- statement 4 of 7
select
  "cpos".*,
  "cf_outcomes"."text" as "cf_outcome_text",
  "cf_outcomes"."code" as "cf_outcome_code"
from
  "cpos"
  left join "cf_outcomes" on "cf_outcomes"."id" = "cpos"."cf_outcome_id"
where
  "cpos"."dwcp_id" = $1
order by
  "cpos"."code";

-- statement 5 of 7
select
  "l"."cpo_id",
  "l"."cf_output_id"
from
  "cpo_cf_outputs" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 6 of 7
select
  "l"."cpo_id",
  "l"."org_outcome_id"
from
  "cpo_org_outcomes" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 7 of 7
select
  "l"."cpo_id",
  "l"."target_code"
from
  "cpo_sdg_targets" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 1 of 11
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 2 of 11
select
  "id",
  "cf_cycle_id"
from
  "dwcps"
where
  "country_code" = $1
order by
  "period_start" desc
limit
  $2;

-- statement 3 of 11
select
  *
from
  "dwcps"
where
  "id" = $1;

-- statement 4 of 11
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 5 of 11
select
  *
from
  "dwcp_priorities"
where
  "dwcp_id" = $1
order by
  "code";

-- statement 6 of 11
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

-- statement 7 of 11
select
  "l"."cpo_id",
  "l"."cf_output_id"
from
  "cpo_cf_outputs" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 8 of 11
select
  "l"."cpo_id",
  "l"."org_outcome_id"
from
  "cpo_org_outcomes" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 9 of 11
select
  "l"."cpo_id",
  "l"."target_code"
from
  "cpo_sdg_targets" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 10 of 11
select
  "id",
  "code",
  "text",
  "org_role"
from
  "cf_outcomes"
where
  "cycle_id" = $1
order by
  "code";

-- statement 11 of 11
select
  "cf_outputs"."id",
  "cf_outputs"."outcome_id"
from
  "cf_outputs"
  inner join "cf_outcomes" on "cf_outcomes"."id" = "cf_outputs"."outcome_id"
where
  "cf_outcomes"."cycle_id" = $1;

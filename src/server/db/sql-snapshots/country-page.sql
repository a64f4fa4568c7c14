-- statement 1 of 25
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
where
  "country_profiles"."country_code" = $1;

-- statement 2 of 25
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 3 of 25
select
  *
from
  "constituents"
where
  "country_code" = $1
order by
  "kind",
  "name";

-- statement 4 of 25
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 5 of 25
select
  *
from
  "cf_cycles"
where
  "country_code" = $1
order by
  "period_start" desc;

-- statement 6 of 25
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 7 of 25
select
  *
from
  "dwcps"
where
  "country_code" = $1
order by
  "period_start" desc;

-- statement 8 of 25
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
  and "m"."country_code" = $3
order by
  "m"."due_date",
  "countries"."name_en";

-- statement 9 of 25
select
  *
from
  "dwcps"
where
  "id" = $1;

-- statement 10 of 25
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 11 of 25
select
  *
from
  "dwcp_priorities"
where
  "dwcp_id" = $1
order by
  "code";

-- statement 12 of 25
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

-- statement 13 of 25
select
  "l"."cpo_id",
  "l"."cf_output_id"
from
  "cpo_cf_outputs" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 14 of 25
select
  "l"."cpo_id",
  "l"."org_outcome_id"
from
  "cpo_org_outcomes" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 15 of 25
select
  "l"."cpo_id",
  "l"."target_code"
from
  "cpo_sdg_targets" as "l"
  inner join "cpos" on "cpos"."id" = "l"."cpo_id"
where
  "cpos"."dwcp_id" = $1;

-- statement 16 of 25
select
  *
from
  "cf_cycles"
where
  "id" = $1;

-- statement 17 of 25
select
  "country_profiles"."country_code"
from
  "country_profiles"
  inner join "offices" on "offices"."id" = "country_profiles"."covering_office_id"
where
  "country_profiles"."country_code" = $1;

-- statement 18 of 25
select
  *
from
  "cf_priorities"
where
  "cycle_id" = $1
order by
  "code";

-- statement 19 of 25
select
  *
from
  "cf_outcomes"
where
  "cycle_id" = $1
order by
  "code";

-- statement 20 of 25
select
  "cf_outputs".*
from
  "cf_outputs"
  inner join "cf_outcomes" on "cf_outcomes"."id" = "cf_outputs"."outcome_id"
where
  "cf_outcomes"."cycle_id" = $1
order by
  "cf_outputs"."code";

-- statement 21 of 25
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

-- statement 22 of 25
select
  "code",
  "title_en",
  "title_fr",
  "title_es"
from
  "sdg_targets"
where
  "code" in ($1, $2, $3, $4);

-- statement 23 of 25
select
  *
from
  "indicators"
where
  "node_id" in ($1, $2, $3, $4, $5, $6)
order by
  "code";

-- statement 24 of 25
select
  *
from
  "indicator_targets"
where
  "indicator_id" in ($1, $2, $3)
  and "superseded_at" is null
order by
  "period_start";

-- statement 25 of 25
select
  *
from
  "indicator_actuals"
where
  "indicator_id" in ($1, $2, $3)
order by
  "period_start";

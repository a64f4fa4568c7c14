-- statement 1 of 9
select
  "projects".*,
  "offices"."name" as "office_name"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
where
  "projects"."id" = $1;

-- statement 2 of 9
select
  "partners"."id",
  "partners"."name",
  "project_partners"."role"
from
  "project_partners"
  inner join "partners" on "partners"."id" = "project_partners"."partner_id"
where
  "project_id" = $1;

-- statement 3 of 9
select
  "agreements"."id",
  "agreements"."code",
  "agreements"."title"
from
  "project_agreements"
  inner join "agreements" on "agreements"."id" = "project_agreements"."agreement_id"
where
  "project_id" = $1;

-- statement 4 of 9
select
  "cpos"."id",
  "cpos"."code",
  "cpos"."text",
  "project_cpo_links"."share"
from
  "project_cpo_links"
  inner join "cpos" on "cpos"."id" = "project_cpo_links"."cpo_id"
where
  "project_id" = $1;

-- statement 5 of 9
select
  "org_outcomes"."id",
  "org_outcomes"."code",
  "org_outcomes"."title",
  "project_org_outcome_links"."share"
from
  "project_org_outcome_links"
  inner join "org_outcomes" on "org_outcomes"."id" = "project_org_outcome_links"."org_outcome_id"
where
  "project_id" = $1;

-- statement 6 of 9
select
  "cf_outcomes"."id",
  "cf_outcomes"."code",
  "cf_outcomes"."text"
from
  "project_cf_outcome_links"
  inner join "cf_outcomes" on "cf_outcomes"."id" = "project_cf_outcome_links"."cf_outcome_id"
where
  "project_id" = $1;

-- statement 7 of 9
select
  "target_code"
from
  "project_sdg_targets"
where
  "project_id" = $1
order by
  "target_code";

-- statement 8 of 9
select
  *
from
  "project_status_history"
where
  "project_id" = $1
order by
  "id";

-- statement 9 of 9
select
  "activity_ref",
  "relation"
from
  "project_related_activities"
where
  "project_id" = $1
order by
  "relation",
  "activity_ref";

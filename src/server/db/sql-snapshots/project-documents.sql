-- statement 1 of 3
select
  "projects"."id"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
where
  "projects"."id" = $1;

-- statement 2 of 3
select
  "projects"."id"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
where
  "projects"."id" = $1;

-- statement 3 of 3
select
  "d".*,
  "c"."name_en" as "category_name",
  "c"."name_fr" as "category_name_fr",
  "c"."name_es" as "category_name_es"
from
  "project_documents" as "d"
  left join "codelist_codes" as "c" on "c"."code" = "d"."category"
  and "c"."codelist" = $1
where
  "d"."project_id" = $2
order by
  "d"."document_date" desc nulls last,
  "d"."title";

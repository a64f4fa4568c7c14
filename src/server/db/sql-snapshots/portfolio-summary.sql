-- statement 1 of 4
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 4
select
  "projects"."status",
  count(*)::int as "projects",
  round(coalesce(sum(f.allocation), 0), 2)::text as "allocation",
  round(
    coalesce(
      sum(
        f.allocation * coalesce(projects.probability, 100) / 100
      ),
      0
    ),
    2
  )::text as "weighted"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4, $5, $6)
  and f.problems = '[]'::jsonb
group by
  "projects"."status";

-- statement 3 of 4
select
  "c"."code",
  "c"."name_en" as "name",
  count(*)::int as "projects",
  round(coalesce(sum(f.allocation), 0), 2)::text as "allocation",
  round(coalesce(sum(f.expenditure), 0), 2)::text as "expenditure",
  round(
    (sum(f.expenditure)) / nullif(sum(f.allocation), 0),
    4
  )::text as "deliveryRate"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
  inner join "countries" as "c" on "c"."code" = "projects"."country_code"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
  and f.problems = '[]'::jsonb
group by
  "c"."code",
  "c"."name_en"
order by
  "c"."name_en";

-- statement 4 of 4
select
  "s"."code",
  "s"."name_en" as "name",
  count(*)::int as "projects",
  round(coalesce(sum(f.allocation), 0), 2)::text as "allocation"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
  inner join "funding_sources" as "s" on "s"."code" = "projects"."funding_source"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
  and f.problems = '[]'::jsonb
group by
  "s"."code",
  "s"."name_en"
order by
  "s"."code";

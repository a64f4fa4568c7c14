-- statement 1 of 4
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 4
select
  "projects"."id"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
order by
  projects.code
limit
  $5
offset
  $6;

-- statement 3 of 4
select
  "projects"."id" as "projectId",
  "projects"."code",
  "projects"."title",
  "offices"."name" as "office",
  "r"."region",
  "projects"."country_code" as "country",
  "projects"."funding_source" as "fundingSource",
  case
    when f.problems = '[]'::jsonb then round(coalesce(f.allocation, 0), 2)::text
    else ''
  end as "allocation",
  case
    when f.problems = '[]'::jsonb then round(coalesce(f.expenditure, 0), 2)::text
    else ''
  end as "expenditure",
  case
    when f.problems = '[]'::jsonb then round(coalesce(f.commitment, 0), 2)::text
    else ''
  end as "commitment",
  case
    when f.problems = '[]'::jsonb then round((f.expenditure) / nullif(f.allocation, 0), 4)::text
  end as "deliveryRate",
  case
    when f.problems = '[]'::jsonb then round(coalesce(f.expenditure, 0), 2)::text
    else ''
  end as "forecast",
  f.basis as "basis",
  f.problems as "problems"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
  inner join "office_regions" as "r" on "r"."office_id" = "projects"."office_id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
  and "projects"."id" in (
    select
      "projects"."id"
    from
      "projects"
      inner join "offices" on "offices"."id" = "projects"."office_id"
      inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
    where
      "f"."year" = $5
      and "projects"."status" in ($6, $7, $8)
    order by
      projects.code
    limit
      $9
    offset
      $10
  )
order by
  projects.code;

-- statement 4 of 4
select
  count(*) filter (
    where
      f.problems = '[]'::jsonb
  )::int as "projects",
  count(*) filter (
    where
      not f.problems = '[]'::jsonb
  )::int as "unconverted",
  round(
    coalesce(
      sum(f.allocation) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    2
  )::text as "allocation",
  round(
    coalesce(
      sum(f.expenditure) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    2
  )::text as "expenditure",
  round(
    coalesce(
      sum(f.commitment) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    2
  )::text as "commitment",
  round(
    (
      sum(f.expenditure) filter (
        where
          f.problems = '[]'::jsonb
      )
    ) / nullif(
      sum(f.allocation) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    4
  )::text as "deliveryRate",
  round(
    coalesce(
      sum(f.expenditure) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    2
  )::text as "forecast",
  round(
    (
      sum(f.expenditure) filter (
        where
          f.problems = '[]'::jsonb
      )
    ) / nullif(
      sum(f.allocation) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    4
  )::text as "forecastRate"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4);

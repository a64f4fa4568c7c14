-- statement 1 of 3
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 3
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

-- statement 3 of 3
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

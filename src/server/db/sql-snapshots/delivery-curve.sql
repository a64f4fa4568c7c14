-- statement 1 of 3
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 3
select
  round(coalesce(sum(f.expenditure_to_month[1]), 0), 2)::text as "m1",
  round(coalesce(sum(f.expenditure_to_month[2]), 0), 2)::text as "m2",
  round(coalesce(sum(f.expenditure_to_month[3]), 0), 2)::text as "m3",
  round(coalesce(sum(f.expenditure_to_month[4]), 0), 2)::text as "m4",
  round(coalesce(sum(f.expenditure_to_month[5]), 0), 2)::text as "m5",
  round(coalesce(sum(f.expenditure_to_month[6]), 0), 2)::text as "m6",
  round(coalesce(sum(f.expenditure_to_month[7]), 0), 2)::text as "m7",
  round(coalesce(sum(f.expenditure_to_month[8]), 0), 2)::text as "m8",
  round(coalesce(sum(f.expenditure_to_month[9]), 0), 2)::text as "m9",
  round(coalesce(sum(f.expenditure_to_month[10]), 0), 2)::text as "m10",
  round(coalesce(sum(f.expenditure_to_month[11]), 0), 2)::text as "m11",
  round(coalesce(sum(f.expenditure_to_month[12]), 0), 2)::text as "m12"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
  and f.problems = '[]'::jsonb;

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

-- statement 1 of 14
select
  *
from
  "strategies"
where
  "code" = $1;

-- statement 2 of 14
select
  *
from
  "strategy_periods"
where
  "strategy_id" = $1
order by
  "start_date";

-- statement 3 of 14
select
  *
from
  "strategy_outcomes"
where
  "strategy_id" = $1
order by
  "number";

-- statement 4 of 14
select
  "i".*
from
  "strategy_indicators" as "i"
  inner join "strategy_outcomes" as "o" on "o"."id" = "i"."outcome_id"
where
  "o"."strategy_id" = $1;

-- statement 5 of 14
select
  "m"."indicator_id",
  "m"."period_id",
  "m"."label",
  "m"."value",
  "p"."label" as "period"
from
  "strategy_milestones" as "m"
  inner join "strategy_periods" as "p" on "p"."id" = "m"."period_id"
where
  "p"."strategy_id" = $1;

-- statement 6 of 14
select
  "v".*
from
  "strategy_indicator_values" as "v"
  inner join "strategy_indicators" as "i" on "i"."id" = "v"."indicator_id"
  inner join "strategy_outcomes" as "o" on "o"."id" = "i"."outcome_id"
where
  "o"."strategy_id" = $1
order by
  "v"."as_of",
  "v"."id";

-- statement 7 of 14
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 8 of 14
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

-- statement 9 of 14
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 10 of 14
select
  'total' as "key",
  'All voluntary funding' as "label",
  count(distinct projects.id)::int as "projects",
  round(coalesce(sum(f.allocation), 0), 2)::text as "voluntary",
  round(
    coalesce(
      sum(f.allocation * coalesce(cs.share, 0) / 100),
      0
    ),
    2
  )::text as "aligned",
  round(
    (sum(f.allocation * coalesce(cs.share, 0) / 100)) / nullif(sum(f.allocation), 0),
    4
  )::text as "alignedShare"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
  inner join "funding_sources" as "s" on "s"."code" = "projects"."funding_source"
  left join (
    select
      "project_id",
      least(sum(share), 100) as "share"
    from
      "project_cpo_links"
    group by
      "project_id"
  ) as "cs" on "cs"."project_id" = "projects"."id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
  and f.problems = '[]'::jsonb
  and "s"."kind" in ($5, $6)
order by
  "label";

-- statement 11 of 14
with
  "firsts" as (
    select
      "h"."project_id",
      min(h.at) filter (
        where
          h.to_status in ('approved', 'active', 'closed')
      ) as "approved_at"
    from
      "project_status_history" as "h"
    group by
      "h"."project_id"
  )
select
  count(*)::int as "approved",
  count(*) filter (
    where
      exists (
        select
          1
        from
          project_status_history a
        where
          a.project_id = f.project_id
          and a.to_status = 'appraisal'
          and a.at < f.approved_at
      )
  )::int as "appraised"
from
  "firsts" as "f"
where
  f.approved_at >= $1::date
  and f.approved_at < $2::date + 1;

-- statement 12 of 14
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 13 of 14
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
      sum(f.expenditure_to_month[6]) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    2
  )::text as "expenditure",
  round(
    coalesce(
      sum(f.commitment_to_month[6]) filter (
        where
          f.problems = '[]'::jsonb
      ),
      0
    ),
    2
  )::text as "commitment",
  round(
    (
      sum(f.expenditure_to_month[6]) filter (
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
      (
        sum(f.expenditure_to_month[6]) filter (
          where
            f.problems = '[]'::jsonb
        )
      ) * 12 / 6,
      0
    ),
    2
  )::text as "forecast",
  round(
    (
      (
        sum(f.expenditure_to_month[6]) filter (
          where
            f.problems = '[]'::jsonb
        )
      ) * 12 / 6
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

-- statement 14 of 14
select
  count(*)::int as "cycles",
  count(*) filter (
    where
      exists (
        select
          1
        from
          cf_outcomes o
          join cpos on cpos.cf_outcome_id = o.id
        where
          o.cycle_id = c.id
      )
  )::int as "reflecting"
from
  "cf_cycles" as "c"
where
  "c"."period_start" <= $1;

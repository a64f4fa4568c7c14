-- statement 1 of 5
select
  *
from
  "org_frameworks"
order by
  "period_start" desc;

-- statement 2 of 5
select
  *
from
  "org_outcomes"
order by
  "code";

-- statement 3 of 5
select
  *
from
  "org_outputs"
order by
  "code";

-- statement 4 of 5
select
  *
from
  "indicators"
where
  "node_type" = $1
order by
  "code";

-- statement 5 of 5
select
  "indicator_targets".*
from
  "indicator_targets"
  inner join "indicators" on "indicators"."id" = "indicator_targets"."indicator_id"
where
  "indicators"."node_type" = $1
  and "indicator_targets"."superseded_at" is null
order by
  "indicator_targets"."period_start";

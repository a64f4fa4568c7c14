-- statement 1 of 1
select
  *
from
  "sdg_targets"
where
  "goal_code" = $1
order by
  "code";

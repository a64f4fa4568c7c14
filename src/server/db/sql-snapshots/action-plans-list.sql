-- statement 1 of 1
select
  *
from
  "action_plans"
order by
  "adopted_on" desc;

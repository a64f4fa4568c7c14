-- statement 1 of 1
select
  *
from
  "strategies"
order by
  "period_start" desc;

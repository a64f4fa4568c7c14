-- statement 1 of 2
select
  *
from
  "offices"
order by
  "path"
limit
  $1
offset
  $2;

-- statement 2 of 2
select
  count(*) as "n"
from
  "offices";

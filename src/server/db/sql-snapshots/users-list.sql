-- statement 1 of 1
select
  *
from
  "users"
order by
  "email";

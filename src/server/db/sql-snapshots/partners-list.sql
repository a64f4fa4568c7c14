-- statement 1 of 2
select
  *
from
  "partners"
order by
  "name";

-- statement 2 of 2
select
  *
from
  "due_diligence_reviews"
where
  "partner_id" in ($1)
order by
  "reviewed_on" desc;

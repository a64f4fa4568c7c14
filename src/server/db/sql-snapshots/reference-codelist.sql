-- statement 1 of 2
select
  *
from
  "codelists"
where
  "name" = $1;

-- statement 2 of 2
select
  "code",
  "name_en",
  "name_fr",
  "name_es",
  "description",
  "category",
  "status"
from
  "codelist_codes"
where
  "codelist" = $1
order by
  "code";

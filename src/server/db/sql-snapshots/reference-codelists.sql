-- statement 1 of 1
select
  "codelists"."name",
  "codelists"."title",
  "codelists"."category",
  "codelists"."complete",
  "codelists"."embedded",
  "codelists"."source",
  count("codelist_codes"."code") as "code_count"
from
  "codelists"
  left join "codelist_codes" on "codelist_codes"."codelist" = "codelists"."name"
group by
  "codelists"."name"
order by
  "codelists"."name";

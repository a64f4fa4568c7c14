-- The roles and what each is anchored on are decided in one place, src/shared/rights.ts, and checked by the user
-- service (a role needs its office, partner or country). The database no longer repeats the role list, so adding a
-- role needs no migration; it keeps what is true of every role: a user is anchored on one thing at most.
alter table users drop constraint users_role_check;
alter table users drop constraint users_check;
alter table users add constraint users_one_anchor check (num_nonnulls(office_id, partner_id, country_code) <= 1);

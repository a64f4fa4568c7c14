-- A saved ERP column mapping belongs to an office (its officers read, use and delete it, and so do the offices
-- above), or to the whole organisation (office_id null: saved by a role of organisation-wide reach, readable by
-- every finance role, changed only by an organisation-wide role).
alter table import_mappings add column office_id uuid references offices (id) on delete restrict;
create index import_mappings_office on import_mappings (office_id);

-- Mappings saved before: the office of the user who saved them when that user's rights were office-scoped
-- (the audit row of their creation names the user); the others stay the organisation's.
update import_mappings m
   set office_id = u.office_id
  from audit_log a
  join users u on u.id = a.actor_id
 where a.entity_type = 'import_mapping'
   and a.action = 'create'
   and a.entity_id = m.id::text
   and u.role in ('office_manager', 'programme_officer', 'evaluation_officer', 'viewer')
   and u.office_id is not null;

-- Up Migration
-- Each key's consumers summed up at index time, so the organisation report and the dashboard read
-- one row per key instead of aggregating its consumers on every page.
alter table keys
  add column consumer_count integer not null default 0,
  add column environments text[] not null default '{}',
  add column workloads text[] not null default '{}',
  add column data_classes text[] not null default '{}',
  add column services text[] not null default '{}';
update keys k set
  consumer_count = (select count(*) from consumers c where c.key_row = k.id),
  environments = array(select distinct c.environment from consumers c where c.key_row = k.id and c.environment is not null order by 1),
  workloads = array(select distinct c.workload from consumers c where c.key_row = k.id and c.workload is not null order by 1),
  data_classes = array(select distinct c.data_class from consumers c where c.key_row = k.id and c.data_class is not null order by 1),
  services = array(select distinct c.service from consumers c where c.key_row = k.id order by 1);

-- Down Migration
alter table keys drop column consumer_count, drop column environments, drop column workloads, drop column data_classes, drop column services;

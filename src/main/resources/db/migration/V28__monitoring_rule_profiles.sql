-- Doudi schema, part 28: what the warning rules (MonitoringRules.dmn) answered for each fact profile of a comparison
-- run, so that one INSERT … SELECT writes the warnings of every rule at once (module monitoring, docs/monitoring.md).
-- Rows live while their run runs. Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.
create table monitoring_rule_profile (
    run_id  bigint       not null,
    profile int          not null,
    rule    varchar(40)  not null,
    kind    varchar(20)  not null,
    level   varchar(10)  not null,
    reason  varchar(300) not null,
    constraint pk_monitoring_rule_profile primary key (run_id, profile, rule)
);

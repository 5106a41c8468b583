-- Doudi schema, part 19: Spring Modulith's event publication registry (JPA), and the indexes of the enrolment
-- list (GET /api/enrolments). Portable SQL for H2 2.x and MySQL 8 / MariaDB 10.6+.

-- One row per event and transactional listener (e.g. CaseApproved → the enrolment module), written in the
-- transaction that publishes the event and completed when the listener's own transaction commits: a listener
-- that fails leaves its row incomplete, to be delivered again (docs/enrolment.md). The columns are those of
-- spring-modulith-events-jpa 1.4's entity DefaultJpaEventPublication (table EVENT_PUBLICATION): id a UUID,
-- stored as 16 bytes (spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type: BINARY, so that H2 and
-- MySQL agree), Instants as datetime(6) in UTC like every other column here, the event as JSON.
create table event_publication (
    id               binary(16)    not null,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(4000) not null,
    publication_date datetime(6)   not null,
    completion_date  datetime(6),
    constraint pk_event_publication primary key (id)
);
-- The incomplete ones, oldest first (resubmission), and the completed ones before a date (clean-up).
create index ix_event_publication_completion on event_publication (completion_date, publication_date);

-- A region's enrolments, newest first (InnoDB appends the id to every secondary index), with or without a
-- status: V18 indexes county and township with the status; a village, and a county or township without a
-- status filter, have their own here.
create index ix_enrolment_county on enrolment (county_code);
create index ix_enrolment_township on enrolment (township_code);
create index ix_enrolment_village_status on enrolment (village_code, status);

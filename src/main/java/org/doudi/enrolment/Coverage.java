package org.doudi.enrolment;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.doudi.cases.Programme;

/**
 * A person covered by a not-ended enrolment of a programme: the primary key (person, programme) refuses a
 * second enrolment of the same person in the same programme, however many approvals arrive at once. The
 * rows go when the enrolment ends.
 */
@Entity
@Table(name = "enrolment_coverage")
@IdClass(Coverage.Key.class)
class Coverage {

    @Id
    @Column(name = "id_number")
    private String idNumber;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "programme")
    private Programme programme;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id")
    private Enrolment enrolment;

    protected Coverage() {
    }

    Coverage(String idNumber, Programme programme, Enrolment enrolment) {
        this.idNumber = idNumber;
        this.programme = programme;
        this.enrolment = enrolment;
    }

    String idNumber() {
        return idNumber;
    }

    /** The primary key: a person and a programme. */
    static class Key implements Serializable {
        private String idNumber;
        private Programme programme;

        protected Key() {
        }

        Key(String idNumber, Programme programme) {
            this.idNumber = idNumber;
            this.programme = programme;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(idNumber, k.idNumber) && programme == k.programme;
        }

        @Override
        public int hashCode() {
            return Objects.hash(idNumber, programme);
        }
    }
}

package org.doudi.cases;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A person taking part in an open case of a programme. Its primary key (ID number, programme) is
 * what makes the database refuse a second open case for the same person, even under concurrency.
 * The rows go when the case closes.
 */
@Entity
@Table(name = "case_participant")
@IdClass(CaseParticipant.Key.class)
class CaseParticipant {

    @Id
    @Column(name = "id_number")
    private String idNumber;

    @Id
    @Column(name = "programme")
    private String programme;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    private AssistanceCase assistanceCase;

    protected CaseParticipant() {
    }

    CaseParticipant(String idNumber, Programme programme, AssistanceCase assistanceCase) {
        this.idNumber = idNumber;
        this.programme = programme.name();
        this.assistanceCase = assistanceCase;
    }

    static class Key implements Serializable {
        private String idNumber;
        private String programme;

        protected Key() {
        }

        Key(String idNumber, String programme) {
            this.idNumber = idNumber;
            this.programme = programme;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(idNumber, k.idNumber) && Objects.equals(programme, k.programme);
        }

        @Override
        public int hashCode() {
            return Objects.hash(idNumber, programme);
        }
    }
}

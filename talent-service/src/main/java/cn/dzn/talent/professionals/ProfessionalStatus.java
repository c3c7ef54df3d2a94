package cn.dzn.talent.professionals;

/** Whether the professional works in tech transfer now; one who left still counts as trained. */
public enum ProfessionalStatus {
    ACTIVE, SUSPENDED, LEFT
}

// Length rules shared by the forms and the server (NIST SP 800-63B-4 §3.1.1.2: length over composition rules).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

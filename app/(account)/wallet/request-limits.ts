// The longest amount and address a withdrawal request may carry: the form's maxLength and the action's schema agree.
export const AMOUNT_MAX_LENGTH = 40;
export const ADDRESS_MAX_LENGTH = 200;

/** Keeps at most the last two digits of a phone number: `+48600100200` → `***00`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `***${digits.slice(-2)}`;
}

/** `anna.rossi@uni.example` → `a***i@uni.example`: enough to recognise, not to harvest. */
export function maskMail(mail: string): string {
  const at = mail.lastIndexOf('@');
  if (at < 1) return '***';
  const local = mail.slice(0, at);
  const shown = local.length <= 2 ? local[0] : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}@${mail.slice(at + 1)}`;
}

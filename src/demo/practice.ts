// The bundled fictional practice used by `demo`, and by `classify` / `check-reply` without --config.
// Every name, number and address here is invented (555-01xx numbers are reserved for fiction).
import type { PracticeFacts } from '../core/types.ts';

export const DEMO_PRACTICE: PracticeFacts = {
  name: 'Maple Grove Family Medicine',
  phones: ['(555) 010-4477', '(555) 010-4478'],
  addresses: ['1200 Maple Grove Ave, Suite 300, Springfield, IL 62704'],
  website: 'https://www.maplegrovefamilymed.example',
  hours: { mon: '08:00-17:00', tue: '08:00-17:00', wed: '08:00-17:00', thu: '08:00-19:00', fri: '08:00-16:00', sat: 'closed', sun: 'closed' },
  timezone: 'America/Chicago',
  providers: [
    { name: 'Dr. Helena Okafor', current: true },
    { name: 'Dr. Samuel Whitcombe', current: true },
    { name: 'Priya Ramanathan, NP', current: true },
    { name: 'Dr. Gerald Finnegan', current: false },
  ],
  staff: ['Tamsin Delacroix', 'Marcus Oyelaran'],
  insurance_accepted: ['Medicare', 'Blue Cross Blue Shield', 'Aetna', 'UnitedHealthcare', 'Cigna'],
  insurance_not_accepted: ['Humana'],
  contact_phone: '(555) 010-4477',
  contact_email: 'office@maplegrovefamilymed.example',
};

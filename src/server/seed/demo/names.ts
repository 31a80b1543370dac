import type { Random } from './random.ts';

// A mix of origins, as in an international company with offices in Europe and North America.
export const firstNames = [
  'Amara', 'Liam', 'Sofia', 'Mateo', 'Priya', 'Kenji', 'Chloé', 'Oluwaseun', 'Hannah', 'Diego',
  'Aisha', 'Lukas', 'Mei', 'Noah', 'Fatima', 'Jonas', 'Isabella', 'Arjun', 'Emma', 'Tomasz',
  'Zanele', 'Elena', 'Kwame', 'Ingrid', 'Rafael', 'Yuki', 'Olivia', 'Mohammed', 'Clara', 'Santiago',
  'Leila', 'Finn', 'Ananya', 'Grace', 'Mehmet', 'Lena', 'Tariq', 'Camille', 'Jin', 'Chiara',
  'Daniel', 'Nadia', 'Ethan', 'Ayumi', 'Marcus', 'Freya', 'Ibrahim', 'Lucía', 'Oscar', 'Hye-jin',
  'Samuel', 'Anika', 'Chidi', 'Maja', 'Luca', 'Rania', 'William', 'Siobhan', 'Ravi', 'Astrid',
  'Gabriel', 'Nia', 'Felix', 'Imani', 'Aarav', 'Julia', 'Malik', 'Sakura', 'Henrik', 'Valentina',
  'Kofi', 'Mariam', 'Jakob', 'Ines', 'Dmitri', 'Abigail', 'Tenzin', 'Rosa', 'Benjamin', 'Ngozi',
  'Aleksander', 'Esther', 'Hamza', 'Charlotte', 'Wei', 'Paulina', 'Theo', 'Zara', 'Carlos', 'Saanvi',
  'Patrick', 'Yasmin', 'Erik', 'Adaeze', 'Hugo', 'Mira', 'Omar', 'Eleanor', 'Kai', 'Beatriz',
  'Jamal', 'Linnea', 'Vikram', 'Sophie', 'Andrés', 'Keiko', 'Nathan', 'Amina', 'Stefan', 'Lucy',
] as const;

export const lastNames = [
  'Okafor', 'Schmidt', 'Nguyen', 'García', 'Patel', 'Tanaka', 'Dubois', 'Adeyemi', 'Johansson', 'Rossi',
  'Kowalski', 'Müller', 'Chen', 'Smith', 'Haddad', 'Fischer', 'Silva', 'Sharma', 'Brown', 'Novak',
  'Dlamini', 'Petrova', 'Mensah', 'Larsen', 'Fernández', 'Sato', 'Williams', 'Rahman', 'Weber', 'López',
  'Kaya', 'Murphy', 'Iyer', "O'Connor", 'Yilmaz', 'Becker', 'Khan', 'Moreau', 'Park', 'Bianchi',
  'Cohen', 'Ivanova', 'Taylor', 'Suzuki', 'Thompson', 'Andersen', 'Hussain', 'Martínez', 'Lindqvist', 'Kim',
  'Wilson', 'Mehta', 'Eze', 'Nowak', 'Romano', 'Farouk', 'Clarke', 'Byrne', 'Reddy', 'Nilsson',
  'Costa', 'Mwangi', 'Wagner', 'Jackson', 'Gupta', 'Hoffmann', 'Bakr', 'Yamamoto', 'Berg', 'Alvarez',
  'Asante', 'Ali', 'Schneider', 'Santos', 'Volkov', 'Campbell', 'Dorji', 'Ruiz', 'Levi', 'Obi',
  'Zielinski', 'Friedman', 'Aziz', 'Lambert', 'Wang', 'Wójcik', 'Hughes', 'Malik', 'Ortiz', 'Desai',
  'Kennedy', 'Karimi', 'Lund', 'Nwosu', 'Lefebvre', 'Joshi', 'Said', 'Walsh', 'Fujita', 'Pereira',
  'Baptiste', 'Sørensen', 'Kapoor', 'Martin', 'Herrera', 'Mori', 'Bennett', 'Abdi', 'Krause', 'Evans',
] as const;

export type Name = { firstName: string; lastName: string };

/** Unique full names: a directory with two identical names confuses more than it demonstrates. */
export function nameGenerator(rnd: Random) {
  const used = new Set<string>();
  return (): Name => {
    for (;;) {
      const n = { firstName: rnd.pick(firstNames), lastName: rnd.pick(lastNames) };
      const key = `${n.firstName} ${n.lastName}`;
      if (!used.has(key)) {
        used.add(key);
        return n;
      }
    }
  };
}

/** `José O'Connor` → `jose.oconnor`: ASCII local parts, as most mail systems issue them. */
export function emailLocalPart(n: Name): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o')
      .replace(/ł/g, 'l')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${clean(n.firstName)}.${clean(n.lastName)}`;
}

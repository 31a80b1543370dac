// Word lists for the synthetic organisation: varied, realistic, and small enough to read.

export const firstNames = `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra Donald Ashley
Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah
Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley
Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory
Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane
Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina
Noah Joan Ethan Evelyn Jeremy Judith Walter Megan Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Austin Martha
Sean Gloria Gerald Teresa Carl Ann Harold Sara Dylan Madison Arthur Frances Lawrence Kathryn Jordan Janice Jesse Jean Bryan
Abigail Billy Alice Bruce Judy Gabriel Sophia Joe Grace Logan Denise Alan Amber Juan Doris Albert Marilyn Willie Danielle
Elijah Beverly Wayne Isabella Randy Theresa Vincent Diana Mason Natalie Roy Brittany Ralph Charlotte Bobby Marie Russell
Kayla Bradley Alexis Philip Lori Eugene Aisha Wei Mei Hiroshi Yuki Priya Arjun Ananya Rahul Fatima Omar Layla Youssef Chen
Li Ming Sofia Mateo Lucia Diego Valentina Santiago Camila Ines Lukas Lea Jonas Mia Finn Lena Elias Clara Noor Amara Kwame
Ngozi Chidi Zanele Thabo Sipho Lerato Ivan Olga Dmitri Anya Katarzyna Piotr Agnieszka Tomasz Siobhan Declan Aoife Niamh Oisin
Freya Astrid Lars Ingrid Henrik Sven Maja Emil Matteo Giulia Alessandro Chiara Leonardo Francesca Hugo Chloe Louis Manon
Jules Camille Nadia Karim Samir Leila Yara Tariq Hana Kenji Sakura Ren Aiko Min-jun Seo-yeon Ji-ho Thanh Linh Minh Ravi
Deepa Sanjay Kavya Vikram Meera`.split(/\s+/);

export const lastNames = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker
Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts
Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz
Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray
Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan
Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds
Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens
Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson
Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd
Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne
Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan
Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Willis
Carpenter Lawrence Sandoval Mueller Schneider Fischer Weber Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schroeder
Neumann Schwarz Zimmermann Braun Krueger Hofmann Hartmann Lange Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David
Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino
Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Tanaka Suzuki Takahashi Watanabe Ito Yamamoto
Nakamura Kobayashi Sato Wang Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Sharma Singh Kumar Gupta
Shah Mehta Iyer Reddy Nair Rao Das Bose Kowalski Nowak Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Okafor
Adeyemi Mensah Owusu Nkosi Dlamini Mokoena Haddad Khalil Mansour Nasser Farouk Hassan Ali Ahmed Ibrahim Yilmaz Kaya Demir
Sahin Celik Larsen Nielsen Jensen Andersen Pedersen Johansson Karlsson Nilsson Eriksson Lindberg Virtanen Korhonen Murphy
OBrien Byrne Walsh OConnor McCarthy Doyle Gallagher Novak Horvat Kovac Popescu Ionescu Petrov Ivanov Smirnov Volkov`.split(/\s+/);

/** Departments, each with the titles of its individual contributors and of its managers. */
export const departments: Array<{ name: string; roles: string[]; manager: string }> = [
  { name: 'Engineering', roles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'QA Engineer', 'Site Reliability Engineer', 'Data Engineer'], manager: 'Engineering Manager' },
  { name: 'Product', roles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'], manager: 'Group Product Manager' },
  { name: 'Sales', roles: ['Account Executive', 'Sales Development Representative', 'Sales Engineer', 'Enterprise Account Executive'], manager: 'Sales Manager' },
  { name: 'Marketing', roles: ['Marketing Specialist', 'Content Strategist', 'Demand Generation Manager', 'Brand Designer'], manager: 'Marketing Manager' },
  { name: 'Customer Success', roles: ['Customer Success Manager', 'Support Specialist', 'Implementation Consultant', 'Technical Support Engineer'], manager: 'Support Team Lead' },
  { name: 'Finance', roles: ['Accountant', 'Financial Analyst', 'Payroll Specialist', 'Controller'], manager: 'Finance Manager' },
  { name: 'People', roles: ['HR Business Partner', 'Recruiter', 'People Operations Specialist', 'Learning Designer'], manager: 'People Manager' },
  { name: 'Operations', roles: ['Operations Analyst', 'Office Coordinator', 'Procurement Specialist', 'IT Administrator'], manager: 'Operations Manager' },
];

export const locations = ['London', 'Berlin', 'New York', 'San Francisco', 'Toronto', 'Dublin', 'Paris', 'Amsterdam', 'Singapore', 'Sydney', 'Bangalore', 'São Paulo', 'Remote'];

-- Trigram search over people (pg_trgm is a trusted extension: database owners may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

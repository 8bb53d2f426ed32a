-- Where a user is, as an IANA zone name (Europe/Paris): the daily digest arrives in its morning.
-- The service accepts only names PostgreSQL knows, so the digest sweep can always convert.
ALTER TABLE "users" ADD COLUMN "time_zone" TEXT;

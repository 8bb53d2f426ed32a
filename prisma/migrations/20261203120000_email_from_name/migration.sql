-- A message carries its sender's display name (the agency's), so the agency's clients see the
-- agency and not Muse; the address stays MAIL_FROM's, the one the mail domain is set up for.

-- AlterTable
ALTER TABLE "email_messages" ADD COLUMN     "from_name" TEXT;

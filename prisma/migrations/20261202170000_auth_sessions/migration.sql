-- Local sign-in sessions, revocable server-side: a copied session cookie stops minting tokens
-- the API accepts once its session is revoked. The table has no tenant, so no service role is
-- granted it; they reach it only through the functions below, which run as the owner and do
-- one narrow thing each.

-- CreateTable
CREATE TABLE "auth_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subject" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "auth_sessions_subject_idx" ON "auth_sessions"("subject");

-- Sign-in opens a session for the identity it verified.
CREATE FUNCTION auth_session_open(p_subject text, p_expires_at timestamptz) RETURNS uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    INSERT INTO auth_sessions (subject, expires_at) VALUES (p_subject, p_expires_at) RETURNING id
  $$;

-- Every token naming a session asks this: only its own subject's live session answers true.
CREATE FUNCTION auth_session_active(p_id uuid, p_subject text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM auth_sessions
      WHERE id = p_id AND subject = p_subject AND revoked_at IS NULL AND expires_at > now()
    )
  $$;

-- Signing out: ends one session, and only if it is the caller's subject's.
CREATE FUNCTION auth_session_revoke(p_id uuid, p_subject text) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH ended AS (
      UPDATE auth_sessions SET revoked_at = now()
      WHERE id = p_id AND subject = p_subject AND revoked_at IS NULL
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM ended)
  $$;

-- Disabling a user or suspending a tenant ends every session of the identities concerned. The
-- caller names them: it reads users under its own row-level security (a tenant's transaction
-- sees its own users only), which a function running as the owner would not honour the same way.
CREATE FUNCTION auth_sessions_revoke_subjects(p_subjects text[]) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH ended AS (
      UPDATE auth_sessions SET revoked_at = now()
      WHERE subject = ANY (p_subjects) AND revoked_at IS NULL
      RETURNING 1
    )
    SELECT count(*)::integer FROM ended
  $$;

-- Functions are executable by PUBLIC unless revoked: only the API's roles call these.
REVOKE ALL ON FUNCTION auth_session_open(text, timestamptz), auth_session_active(uuid, text),
  auth_session_revoke(uuid, text), auth_sessions_revoke_subjects(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_session_open(text, timestamptz), auth_session_active(uuid, text),
  auth_session_revoke(uuid, text), auth_sessions_revoke_subjects(text[]) TO muse_app;
-- Tenant suspension runs on the platform's connection.
GRANT EXECUTE ON FUNCTION auth_sessions_revoke_subjects(text[]) TO muse_platform;

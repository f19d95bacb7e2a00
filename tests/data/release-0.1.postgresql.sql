--
-- PostgreSQL database dump
--

\restrict 7qchUjuz72MDqkjsRZVVklNCAbxT3vLkA9C8OdaGT2l73w2FJ5kYkMsXDtVzc0C

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;


--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alembic_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: api_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_token (
    id integer NOT NULL,
    user_id integer NOT NULL,
    name character varying(80) NOT NULL,
    digest character varying(64) NOT NULL,
    hint character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: api_token_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_token_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_token_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_token_id_seq OWNED BY public.api_token.id;


--
-- Name: audit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entry (
    id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_id integer,
    action character varying(64) NOT NULL,
    subject character varying(200) NOT NULL,
    details json NOT NULL
);


--
-- Name: audit_entry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_entry_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_entry_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_entry_id_seq OWNED BY public.audit_entry.id;


--
-- Name: billing_credit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_credit_entry (
    id integer NOT NULL,
    member_id integer,
    site_id integer,
    grant_id integer,
    delta integer NOT NULL,
    reason character varying(20) NOT NULL,
    order_id integer,
    booking_id integer,
    expires_at timestamp with time zone,
    note character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: billing_credit_entry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.billing_credit_entry_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: billing_credit_entry_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.billing_credit_entry_id_seq OWNED BY public.billing_credit_entry.id;


--
-- Name: billing_invoice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_invoice (
    id integer NOT NULL,
    series character varying(20) NOT NULL,
    number integer NOT NULL,
    reference character varying(40) NOT NULL,
    kind character varying(12) NOT NULL,
    order_id integer NOT NULL,
    member_id integer,
    site_id integer NOT NULL,
    credited_invoice_id integer,
    stripe_invoice_id character varying(100),
    stripe_refund_id character varying(100),
    issued_at timestamp with time zone NOT NULL,
    service_date date NOT NULL,
    seller json NOT NULL,
    client json NOT NULL,
    lines json NOT NULL,
    vat_breakdown json NOT NULL,
    total_ht_cents integer NOT NULL,
    total_vat_cents integer NOT NULL,
    total_ttc_cents integer NOT NULL,
    currency character varying(3) NOT NULL,
    payment_method character varying(12) NOT NULL,
    reason character varying(300) NOT NULL
);


--
-- Name: billing_invoice_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.billing_invoice_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: billing_invoice_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.billing_invoice_id_seq OWNED BY public.billing_invoice.id;


--
-- Name: billing_invoice_series; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_invoice_series (
    series character varying(20) NOT NULL,
    next_number integer NOT NULL
);


--
-- Name: billing_order; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_order (
    id integer NOT NULL,
    member_id integer,
    site_id integer NOT NULL,
    product_code character varying(64) NOT NULL,
    kind character varying(20) NOT NULL,
    label character varying(200) NOT NULL,
    quantity integer NOT NULL,
    unit_cents integer NOT NULL,
    vat_rate_bp integer NOT NULL,
    total_cents integer NOT NULL,
    currency character varying(3) NOT NULL,
    discount_code character varying(40),
    status character varying(12) NOT NULL,
    method character varying(12) NOT NULL,
    booking_id integer,
    stripe_session_id character varying(100),
    stripe_payment_intent character varying(100),
    session_expires_at timestamp with time zone,
    refunded_cents integer NOT NULL,
    client_name character varying(200) NOT NULL,
    client_email character varying(254) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    paid_at timestamp with time zone,
    recorded_by_id integer
);


--
-- Name: billing_order_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.billing_order_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: billing_order_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.billing_order_id_seq OWNED BY public.billing_order.id;


--
-- Name: billing_reduced_rate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_reduced_rate (
    member_id integer NOT NULL,
    category character varying(20) NOT NULL,
    granted_by_id integer,
    granted_at timestamp with time zone NOT NULL
);


--
-- Name: billing_stripe_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_stripe_event (
    id character varying(100) NOT NULL,
    type character varying(80) NOT NULL,
    effect character varying(200) NOT NULL,
    received_at timestamp with time zone NOT NULL
);


--
-- Name: billing_subscription; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_subscription (
    id integer NOT NULL,
    member_id integer,
    site_id integer NOT NULL,
    order_id integer NOT NULL,
    product_code character varying(64) NOT NULL,
    stripe_subscription_id character varying(100) NOT NULL,
    status character varying(20) NOT NULL,
    cancel_at_period_end boolean NOT NULL,
    current_period_end timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: billing_subscription_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.billing_subscription_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: billing_subscription_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.billing_subscription_id_seq OWNED BY public.billing_subscription.id;


--
-- Name: booking_booking; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.booking_booking (
    id integer NOT NULL,
    resource_id integer NOT NULL,
    site_id integer NOT NULL,
    member_id integer,
    created_by_id integer,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    status character varying(12) NOT NULL,
    is_block boolean NOT NULL,
    note character varying(255) NOT NULL,
    hold_expires_at timestamp with time zone,
    hold_reason character varying(20),
    series_id character varying(32),
    checkin_code character varying(12) NOT NULL,
    checked_in_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    cancel_reason character varying(20),
    payer_kind character varying(20),
    payer_reference character varying(80),
    price_cents integer,
    currency character varying(3),
    reminded_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_booking_booking_ck_booking_booking_range CHECK ((starts_at < ends_at)),
    CONSTRAINT ck_booking_booking_ck_booking_booking_status CHECK (((status)::text = ANY ((ARRAY['held'::character varying, 'confirmed'::character varying, 'checked_in'::character varying, 'cancelled'::character varying, 'expired'::character varying, 'no_show'::character varying])::text[])))
);


--
-- Name: booking_booking_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.booking_booking_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: booking_booking_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.booking_booking_id_seq OWNED BY public.booking_booking.id;


--
-- Name: booking_feed; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.booking_feed (
    id integer NOT NULL,
    user_id integer NOT NULL,
    site_id integer,
    token character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: booking_feed_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.booking_feed_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: booking_feed_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.booking_feed_id_seq OWNED BY public.booking_feed.id;


--
-- Name: booking_resource; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.booking_resource (
    id integer NOT NULL,
    site_id integer NOT NULL,
    kind character varying(10) NOT NULL,
    name character varying(120) NOT NULL,
    group_name character varying(120) NOT NULL,
    seats integer NOT NULL,
    equipment json NOT NULL,
    accessible boolean NOT NULL,
    photos json NOT NULL,
    description text NOT NULL,
    approval_required boolean NOT NULL,
    retired_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: booking_resource_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.booking_resource_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: booking_resource_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.booking_resource_id_seq OWNED BY public.booking_resource.id;


--
-- Name: booking_rule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.booking_rule (
    id integer NOT NULL,
    site_id integer NOT NULL,
    kind character varying(10) NOT NULL,
    min_minutes integer,
    max_minutes integer,
    max_days_ahead integer,
    min_notice_minutes integer,
    cancel_deadline_minutes integer,
    buffer_minutes integer,
    max_per_week integer,
    approval_required boolean
);


--
-- Name: booking_rule_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.booking_rule_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: booking_rule_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.booking_rule_id_seq OWNED BY public.booking_rule.id;


--
-- Name: booking_waitlist; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.booking_waitlist (
    id integer NOT NULL,
    site_id integer NOT NULL,
    kind character varying(10) NOT NULL,
    member_id integer NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    status character varying(10) NOT NULL,
    offered_resource_id integer,
    offer_expires_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: booking_waitlist_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.booking_waitlist_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: booking_waitlist_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.booking_waitlist_id_seq OWNED BY public.booking_waitlist.id;


--
-- Name: consent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consent (
    id integer NOT NULL,
    user_id integer NOT NULL,
    purpose character varying(64) NOT NULL,
    wording character varying(1000) NOT NULL,
    given_at timestamp with time zone NOT NULL,
    withdrawn_at timestamp with time zone
);


--
-- Name: consent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.consent_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: consent_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.consent_id_seq OWNED BY public.consent.id;


--
-- Name: mail_message; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_message (
    id integer NOT NULL,
    recipient character varying(254) NOT NULL,
    subject character varying(255) NOT NULL,
    body_text text NOT NULL,
    body_html text,
    attachments json NOT NULL,
    status character varying(10) NOT NULL,
    attempts integer NOT NULL,
    last_error character varying(500),
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone
);


--
-- Name: mail_message_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.mail_message_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mail_message_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.mail_message_id_seq OWNED BY public.mail_message.id;


--
-- Name: module_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.module_state (
    id integer NOT NULL,
    module character varying(64) NOT NULL,
    site_id integer,
    enabled boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by_id integer
);


--
-- Name: module_state_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.module_state_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: module_state_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.module_state_id_seq OWNED BY public.module_state.id;


--
-- Name: site; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.site (
    id integer NOT NULL,
    slug character varying(80) NOT NULL,
    name character varying(160) NOT NULL,
    kind character varying(20) NOT NULL,
    host_organisation character varying(160),
    address character varying(255) NOT NULL,
    postcode character varying(10) NOT NULL,
    commune character varying(120) NOT NULL,
    departement character varying(3) NOT NULL,
    latitude double precision NOT NULL,
    longitude double precision NOT NULL,
    timezone character varying(64) NOT NULL,
    description text NOT NULL,
    amenities json NOT NULL,
    contact_email character varying(254),
    contact_phone character varying(30),
    closed_on_public_holidays boolean NOT NULL,
    is_published boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: site_closure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.site_closure (
    id integer NOT NULL,
    site_id integer NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    reason character varying(200) NOT NULL,
    CONSTRAINT ck_site_closure_starts_before_ends CHECK ((starts_on <= ends_on))
);


--
-- Name: site_closure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.site_closure_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: site_closure_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.site_closure_id_seq OWNED BY public.site_closure.id;


--
-- Name: site_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.site_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: site_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.site_id_seq OWNED BY public.site.id;


--
-- Name: site_manager; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.site_manager (
    user_id integer NOT NULL,
    site_id integer NOT NULL
);


--
-- Name: site_opening_hours; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.site_opening_hours (
    id integer NOT NULL,
    site_id integer NOT NULL,
    weekday integer NOT NULL,
    opens time without time zone NOT NULL,
    closes time without time zone NOT NULL,
    CONSTRAINT ck_site_opening_hours_opens_before_closes CHECK ((opens < closes)),
    CONSTRAINT ck_site_opening_hours_weekday_range CHECK (((weekday >= 0) AND (weekday <= 6)))
);


--
-- Name: site_opening_hours_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.site_opening_hours_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: site_opening_hours_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.site_opening_hours_id_seq OWNED BY public.site_opening_hours.id;


--
-- Name: site_photo; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.site_photo (
    id integer NOT NULL,
    site_id integer NOT NULL,
    filename character varying(40) NOT NULL,
    alt_text character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: site_photo_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.site_photo_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: site_photo_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.site_photo_id_seq OWNED BY public.site_photo.id;


--
-- Name: user_account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_account (
    id integer NOT NULL,
    email character varying(254) NOT NULL,
    password_hash character varying(255),
    display_name character varying(120) NOT NULL,
    role character varying(32) NOT NULL,
    locale character varying(8),
    home_commune character varying(120),
    home_latitude double precision,
    home_longitude double precision,
    email_confirmed_at timestamp with time zone,
    is_disabled boolean NOT NULL,
    session_version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_login_at timestamp with time zone,
    erased_at timestamp with time zone
);


--
-- Name: user_account_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.user_account_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: user_account_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.user_account_id_seq OWNED BY public.user_account.id;


--
-- Name: api_token id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token ALTER COLUMN id SET DEFAULT nextval('public.api_token_id_seq'::regclass);


--
-- Name: audit_entry id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry ALTER COLUMN id SET DEFAULT nextval('public.audit_entry_id_seq'::regclass);


--
-- Name: billing_credit_entry id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_credit_entry ALTER COLUMN id SET DEFAULT nextval('public.billing_credit_entry_id_seq'::regclass);


--
-- Name: billing_invoice id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice ALTER COLUMN id SET DEFAULT nextval('public.billing_invoice_id_seq'::regclass);


--
-- Name: billing_order id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_order ALTER COLUMN id SET DEFAULT nextval('public.billing_order_id_seq'::regclass);


--
-- Name: billing_subscription id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_subscription ALTER COLUMN id SET DEFAULT nextval('public.billing_subscription_id_seq'::regclass);


--
-- Name: booking_booking id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking ALTER COLUMN id SET DEFAULT nextval('public.booking_booking_id_seq'::regclass);


--
-- Name: booking_feed id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_feed ALTER COLUMN id SET DEFAULT nextval('public.booking_feed_id_seq'::regclass);


--
-- Name: booking_resource id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_resource ALTER COLUMN id SET DEFAULT nextval('public.booking_resource_id_seq'::regclass);


--
-- Name: booking_rule id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_rule ALTER COLUMN id SET DEFAULT nextval('public.booking_rule_id_seq'::regclass);


--
-- Name: booking_waitlist id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_waitlist ALTER COLUMN id SET DEFAULT nextval('public.booking_waitlist_id_seq'::regclass);


--
-- Name: consent id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent ALTER COLUMN id SET DEFAULT nextval('public.consent_id_seq'::regclass);


--
-- Name: mail_message id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_message ALTER COLUMN id SET DEFAULT nextval('public.mail_message_id_seq'::regclass);


--
-- Name: module_state id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.module_state ALTER COLUMN id SET DEFAULT nextval('public.module_state_id_seq'::regclass);


--
-- Name: site id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site ALTER COLUMN id SET DEFAULT nextval('public.site_id_seq'::regclass);


--
-- Name: site_closure id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_closure ALTER COLUMN id SET DEFAULT nextval('public.site_closure_id_seq'::regclass);


--
-- Name: site_opening_hours id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_opening_hours ALTER COLUMN id SET DEFAULT nextval('public.site_opening_hours_id_seq'::regclass);


--
-- Name: site_photo id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_photo ALTER COLUMN id SET DEFAULT nextval('public.site_photo_id_seq'::regclass);


--
-- Name: user_account id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_account ALTER COLUMN id SET DEFAULT nextval('public.user_account_id_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version (version_num) FROM stdin;
0001_billing
0001_booking
0002_site_photos
\.


--
-- Data for Name: api_token; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_token (id, user_id, name, digest, hint, created_at, last_used_at, revoked_at) FROM stdin;
\.


--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_entry (id, at, actor_id, action, subject, details) FROM stdin;
\.


--
-- Data for Name: billing_credit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_credit_entry (id, member_id, site_id, grant_id, delta, reason, order_id, booking_id, expires_at, note, created_at) FROM stdin;
1	7	\N	\N	10	bundle	1	\N	2027-11-25 08:27:04.585676+00		2026-11-30 08:27:04.641669+00
2	7	2	1	-1	booking	\N	1	\N		2026-11-30 08:27:10.277829+00
3	7	2	1	-1	booking	\N	2	\N		2026-11-30 08:27:10.660245+00
4	8	\N	\N	10	bundle	2	\N	2027-11-25 08:27:10.912007+00		2026-11-30 08:27:10.931426+00
5	8	2	4	-1	booking	\N	3	\N		2026-11-30 08:27:11.800613+00
6	8	2	4	-1	booking	\N	4	\N		2026-11-30 08:27:12.040896+00
7	9	\N	\N	10	bundle	3	\N	2027-11-25 08:27:12.334476+00		2026-11-30 08:27:12.351606+00
8	9	2	7	-1	booking	\N	5	\N		2026-11-30 08:27:13.360596+00
9	9	2	7	-1	booking	\N	6	\N		2026-11-30 08:27:14.060277+00
10	8	2	4	1	give_back	\N	3	\N	member	2026-11-30 08:27:15.624435+00
\.


--
-- Data for Name: billing_invoice; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_invoice (id, series, number, reference, kind, order_id, member_id, site_id, credited_invoice_id, stripe_invoice_id, stripe_refund_id, issued_at, service_date, seller, client, lines, vat_breakdown, total_ht_cents, total_vat_cents, total_ttc_cents, currency, payment_method, reason) FROM stdin;
1	F2026	1	F2026-00001	invoice	1	7	2	\N	\N	\N	2026-11-30 08:27:04.585779+00	2026-11-30	{"name": "SMICA - P\\u00f4le d\\u00e9partemental pour le d\\u00e9veloppement du t\\u00e9l\\u00e9travail", "siren": "732829320", "address": "Rodez, Aveyron", "vat_number": "FR44732829320", "vat_exempt": false}	{"name": "Camille Martin", "email": "camille.martin@demo.tierslieux.fr", "address": "Capdenac-Gare"}	[{"label": "Carnet de 10 journ\\u00e9es", "quantity": 1, "unit_ht_cents": 10000, "vat_rate_bp": 2000}]	[{"rate_bp": 2000, "ht_cents": 10000, "vat_cents": 2000}]	10000	2000	12000	EUR	cash	
2	F2026	2	F2026-00002	invoice	2	8	2	\N	\N	\N	2026-11-30 08:27:10.91208+00	2026-11-30	{"name": "SMICA - P\\u00f4le d\\u00e9partemental pour le d\\u00e9veloppement du t\\u00e9l\\u00e9travail", "siren": "732829320", "address": "Rodez, Aveyron", "vat_number": "FR44732829320", "vat_exempt": false}	{"name": "Lucas Bernard", "email": "lucas.bernard@demo.tierslieux.fr", "address": "Maurs"}	[{"label": "Carnet de 10 journ\\u00e9es", "quantity": 1, "unit_ht_cents": 10000, "vat_rate_bp": 2000}]	[{"rate_bp": 2000, "ht_cents": 10000, "vat_cents": 2000}]	10000	2000	12000	EUR	cash	
3	F2026	3	F2026-00003	invoice	3	9	2	\N	\N	\N	2026-11-30 08:27:12.334555+00	2026-11-30	{"name": "SMICA - P\\u00f4le d\\u00e9partemental pour le d\\u00e9veloppement du t\\u00e9l\\u00e9travail", "siren": "732829320", "address": "Rodez, Aveyron", "vat_number": "FR44732829320", "vat_exempt": false}	{"name": "In\\u00e8s Roux", "email": "ines.roux@demo.tierslieux.fr", "address": "Viviez"}	[{"label": "Carnet de 10 journ\\u00e9es", "quantity": 1, "unit_ht_cents": 10000, "vat_rate_bp": 2000}]	[{"rate_bp": 2000, "ht_cents": 10000, "vat_cents": 2000}]	10000	2000	12000	EUR	cash	
4	F2026	4	F2026-00004	invoice	4	7	2	\N	\N	\N	2026-11-30 08:27:14.274937+00	2026-11-30	{"name": "SMICA - P\\u00f4le d\\u00e9partemental pour le d\\u00e9veloppement du t\\u00e9l\\u00e9travail", "siren": "732829320", "address": "Rodez, Aveyron", "vat_number": "FR44732829320", "vat_exempt": false}	{"name": "Camille Martin", "email": "camille.martin@demo.tierslieux.fr", "address": "Capdenac-Gare"}	[{"label": "Pass journ\\u00e9e", "quantity": 1, "unit_ht_cents": 1250, "vat_rate_bp": 2000}]	[{"rate_bp": 2000, "ht_cents": 1250, "vat_cents": 250}]	1250	250	1500	EUR	cheque	
\.


--
-- Data for Name: billing_invoice_series; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_invoice_series (series, next_number) FROM stdin;
F2026	5
\.


--
-- Data for Name: billing_order; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_order (id, member_id, site_id, product_code, kind, label, quantity, unit_cents, vat_rate_bp, total_cents, currency, discount_code, status, method, booking_id, stripe_session_id, stripe_payment_intent, session_expires_at, refunded_cents, client_name, client_email, created_at, paid_at, recorded_by_id) FROM stdin;
1	7	2	bundle_10	bundle	Carnet de 10 journées	1	10000	2000	12000	EUR	\N	paid	cash	\N	\N	\N	\N	0	Camille Martin	camille.martin@demo.tierslieux.fr	2026-11-30 08:27:04.581176+00	2026-11-30 08:27:04.585676+00	\N
2	8	2	bundle_10	bundle	Carnet de 10 journées	1	10000	2000	12000	EUR	\N	paid	cash	\N	\N	\N	\N	0	Lucas Bernard	lucas.bernard@demo.tierslieux.fr	2026-11-30 08:27:10.908368+00	2026-11-30 08:27:10.912007+00	\N
3	9	2	bundle_10	bundle	Carnet de 10 journées	1	10000	2000	12000	EUR	\N	paid	cash	\N	\N	\N	\N	0	Inès Roux	ines.roux@demo.tierslieux.fr	2026-11-30 08:27:12.332273+00	2026-11-30 08:27:12.334476+00	\N
4	7	2	day_pass	day_pass	Pass journée	1	1250	2000	1500	EUR	\N	paid	cheque	\N	\N	\N	\N	0	Camille Martin	camille.martin@demo.tierslieux.fr	2026-11-30 08:27:14.27164+00	2026-11-30 08:27:14.274863+00	\N
\.


--
-- Data for Name: billing_reduced_rate; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_reduced_rate (member_id, category, granted_by_id, granted_at) FROM stdin;
9	student	1	2026-11-30 08:27:04.497861+00
\.


--
-- Data for Name: billing_stripe_event; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_stripe_event (id, type, effect, received_at) FROM stdin;
\.


--
-- Data for Name: billing_subscription; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_subscription (id, member_id, site_id, order_id, product_code, stripe_subscription_id, status, cancel_at_period_end, current_period_end, created_at) FROM stdin;
\.


--
-- Data for Name: booking_booking; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.booking_booking (id, resource_id, site_id, member_id, created_by_id, starts_at, ends_at, status, is_block, note, hold_expires_at, hold_reason, series_id, checkin_code, checked_in_at, cancelled_at, cancel_reason, payer_kind, payer_reference, price_cents, currency, reminded_at, created_at) FROM stdin;
1	1	2	7	7	2026-12-21 07:30:00+00	2026-12-21 11:30:00+00	confirmed	f		\N	\N	\N	d6ca3890	\N	\N	\N	credits	credit:2	700	EUR	\N	2026-11-30 08:27:10.319581+00
2	1	2	7	7	2026-12-22 07:30:00+00	2026-12-22 11:30:00+00	confirmed	f		\N	\N	\N	2acec936	\N	\N	\N	credits	credit:3	700	EUR	\N	2026-11-30 08:27:10.698125+00
4	2	2	8	8	2026-12-22 07:30:00+00	2026-12-22 11:30:00+00	confirmed	f		\N	\N	\N	7b0ef451	\N	\N	\N	credits	credit:6	700	EUR	\N	2026-11-30 08:27:12.087848+00
5	3	2	9	9	2026-12-21 07:30:00+00	2026-12-21 11:30:00+00	confirmed	f		\N	\N	\N	00d2df51	\N	\N	\N	credits	credit:8	450	EUR	\N	2026-11-30 08:27:13.388111+00
6	3	2	9	9	2026-12-22 07:30:00+00	2026-12-22 11:30:00+00	confirmed	f		\N	\N	\N	021ccd8c	\N	\N	\N	credits	credit:9	450	EUR	\N	2026-11-30 08:27:14.100064+00
3	2	2	8	8	2026-12-21 07:30:00+00	2026-12-21 11:30:00+00	cancelled	f		\N	\N	\N	b5c1712a	\N	2026-11-30 08:27:15.286033+00	member	credits	credit:5	700	EUR	\N	2026-11-30 08:27:11.823282+00
\.


--
-- Data for Name: booking_feed; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.booking_feed (id, user_id, site_id, token, created_at) FROM stdin;
\.


--
-- Data for Name: booking_resource; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.booking_resource (id, site_id, kind, name, group_name, seats, equipment, accessible, photos, description, approval_required, retired_at, created_at) FROM stdin;
1	2	desk	Poste 1	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.429337+00
2	2	desk	Poste 2	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.429347+00
3	2	desk	Poste 3	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.429349+00
4	2	desk	Poste 4	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.42935+00
5	2	room	Salle de réunion		8	["wifi", "screen"]	t	[]		f	\N	2026-11-30 08:27:04.429351+00
6	1	desk	Poste 1	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.449953+00
7	1	desk	Poste 2	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.449962+00
8	1	desk	Poste 3	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.449963+00
9	1	office	Bureau fermé		1	["wifi", "screen"]	t	[]		f	\N	2026-11-30 08:27:04.449965+00
10	1	visio	Salle de visioconférence		1	["wifi", "screen"]	t	[]		f	\N	2026-11-30 08:27:04.449966+00
11	3	desk	Poste 1	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.462003+00
12	3	desk	Poste 2	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.462014+00
13	3	desk	Poste 3	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.462016+00
14	3	desk	Poste 4	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.462018+00
15	3	desk	Poste 5	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.46202+00
16	3	desk	Poste 6	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.462022+00
17	3	room	Salle de réunion		8	["wifi", "screen"]	t	[]		f	\N	2026-11-30 08:27:04.462023+00
18	3	visio	Salle de visioconférence		1	["wifi", "screen"]	t	[]		f	\N	2026-11-30 08:27:04.462025+00
19	4	desk	Poste 1	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.472528+00
20	4	desk	Poste 2	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.472539+00
21	4	office	Bureau fermé		1	["wifi", "screen"]	t	[]		f	\N	2026-11-30 08:27:04.472541+00
22	5	desk	Poste 1	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.48053+00
23	5	desk	Poste 2	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.480539+00
24	5	desk	Poste 3	Open space	1	["wifi"]	t	[]		f	\N	2026-11-30 08:27:04.480541+00
\.


--
-- Data for Name: booking_rule; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.booking_rule (id, site_id, kind, min_minutes, max_minutes, max_days_ahead, min_notice_minutes, cancel_deadline_minutes, buffer_minutes, max_per_week, approval_required) FROM stdin;
\.


--
-- Data for Name: booking_waitlist; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.booking_waitlist (id, site_id, kind, member_id, starts_at, ends_at, status, offered_resource_id, offer_expires_at, created_at) FROM stdin;
\.


--
-- Data for Name: consent; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.consent (id, user_id, purpose, wording, given_at, withdrawn_at) FROM stdin;
\.


--
-- Data for Name: mail_message; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.mail_message (id, recipient, subject, body_text, body_html, attachments, status, attempts, last_error, created_at, sent_at) FROM stdin;
1	camille.martin@demo.tierslieux.fr	Your invoice F2026-00001	Hello Camille Martin,\n\nWe received your payment of 120,00 € for Carnet de 10 journées.\nYour invoice F2026-00001 is attached to this message.\n\nRéseau des télécentres Aurillac - Figeac - Decazeville	\N	[{"filename": "F2026-00001.pdf", "mimetype": "application/pdf", "data": "JVBERi0xLjcKJfCflqQKNSAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxODY2Pj4Kc3RyZWFtCnjazVpNj+Q2Dr37V9QfGI1IihIFBA0kQRJkv7A904vZIMihq4LOZfuwyWH//tJtu0qU5WrbXZNkCtOqUlnyE/n4SMkFB6+vd6B/JIATySmGw+m5+2/nXeKXb89vXrovr/dfgvOHX37TK+Nh+v/huw4O/+uiuJAwBDiEgC4nyMSH5w49uoAxRdP/n+5jd6+v1yZtj37uyJMDSSJ7Jm0Ofu6CsEMWL7hn0vbo544lO8qBJe6ZtT36uUuod0OhsGvWwlUSHTEwhcpVl/49ripnLay9fdLmYOuq7ZO2R1tXbZ+1Pdq6aocBCBykIJ4OzGpgBZ2TzhpJ9G4cs+lfTYDmaIN1x6wlVvFOuUDqOIv10r8HazlriXX7rAXW6MUBxpAqrEX/Dqxm1gJrY9b3j+cZfdR/6TB/8+sv3VcPHUzafYngzE6IkMPh4bl7/69P333/6csDgiMi7+Xw8NT9+IX3mO9YtA3hzvdNfGk4DY0MDQ/fDZ883fmfDg9/6b556HrrjnDqNxUuiNFFUrtWuP7+w9fffvh2jgvwfLMe5WkAAkOTh2a4JJxK5D3IC7q1VlOOqFTqYFlptgnXgAQGAwGZT+N33nzXbMKIueFFQCUOC2d4wfPvv97ff/xwAKrdODhs9OLovsJh/aeh0z++NI/H4Upf2pBj2UydWNp+p/c1Dn2gRPV6Pt7/8x9/+36+nrb7DbyRnM1Fzu2wgxOcHHNQP6x1wogBfi4RQTSuxrPHiwavs2iRG4GcpOyz9LC20aDqfCrHjZ1MU/QjXEawUYjqTrdjDKp1OXmvWcYucyVlKJbLHBVsFI65YnwWApFXKUkpQaiX8KchEPeVSY4+TgQivgvcy8OgEuHR0EOMZojR5PQWeQjBCYg2FaS1zibjtNN1mDukANAxaFrINb5NnqwiaOicLB0bl3jj82mWaBY7fjouexlBq4gAGW1K8xNW0hIgzCxldcJWAntLgOyiigNTDWkqAvyaWJ7I+FQH+Ha/FjZSBiatwlRurrl1REK+TEs4dKIRzzHtXwhKfVgdYwO7VZ4pMVtKc0PQr8XhVM49tQQdF1xqkS3SKaqDdRPgeRKNCnlueGu6pwGyUk8ud2BjMDa3HW80gUimcg0GWTBZ4OnKUhO7lDgB1fo41Z7WIWO0G6MrLV4KbGuWSaPG3FpkzEUsGRzmiAhnLLFkIQ1LxWF+AkPGR5NJxsRwNJ9OrUvIhnsDFvmo0h0T5jOs4dbJhvBgKJWaSLNYCaeG563rpn0JloyZGqtbwXSmhsurimZngaKJQJJu3bCywdqcpaZIgykSXiw0cRvMKsYI4bdLHgXNX5IDUQ17RSpbJAGiDkpI6VyI5pKUkEzzBjYuIqDkhFMK4UzDdAdpUR+qdFszr6bHprp5zA4V5+JCafzK1ON2DQ0RmBra2t/Imif47LIwA75aA6BNTKdbV3hB0KWeD3Fj7kez2bObD6sGbwqL0lTrSgG0ZZivc8pSmrfsqBL7aSENlPBm6bdC0uKU1caR/FqivKPYT/BYQTrTfxnFLDOGrfYAMFe+Yo8eJs2W5SceQCpmTC0SsymXmzwfm2MJL2TLqpb2ZHIQBZOUsbV0RGMLlHktsr+8hqS8jaAuqRCNIfbaIYs17RV8vRG3h1iKTmuDkOMhgDigFAcKrzWYOZQaN6ZVzr/5KYRmEJehf9Wgr9nUEqVYN5GLLHAJmulga8bqHXtU9C4ET0HW2pdMpTTZsBVDttLeWS/l/tmhJJ/2mxJ1B4mY+8dTM1OS4QCfdhVHEBxA9JBX25BMsXoqFWQq5awEn67WpfN8gceygN6ZfSk6zbdRrbXB9kXOWlqCdQ+pJir6qGXg3D/cslT7CM7ocDCKDVDX0DLU0JlHI233OvvgKANkXu11rS1R5puN48KWR+yWZ7sDWUUkRw4Q9gcP60CdQmLLOy1LFhTmmx2KKm6XQG+dtxibsBD0KycctwiWmMBF6QVlZ7BM5FjEWxUS7F829rp1mfvl946FIllFcAwJPW0pg3moxCalkOWzHBvz00E2XcmeKenblOB8ABJ+bp9nlRCm/Z7YyuWSUiQ5CFETZ7XiH5sP5npGEKbck6N5+ezh3ngaZDvjC+SjzOZnYodBq2tpzW/P96E+o+mb+cEdi9JLIMvnQVw+2+/DBRmCvCGg51q6PYRJVGQi6RcVpFtF8O4imEi0SFd8cuBAzucQ0p9L/oJmw5g5JawR3tB4f1CmL2KhWtuSvN0kQC4u77cTGuLxVZffrHKghA49RML67ivdeRPD9ycHGAmY19rAU+uR5pLkFZ+O5qjUPiRbSjnrXdtfMjtn0xW7JD5qTVOtbpFWfBs+ZXECGDneTEL02ndIFxJifIuWALqEpFuqGupn0BJzVvT7aold22ta8gbfXw6doupXTFo2FifuGV7/IVfrZNuOsKcCZrtaPXF70+/BRFwOCFHsUnY98Z92k/se7qOWmCGz5ArJtl9p7Haugr2fXv8HREN6cgplbmRzdHJlYW0KZW5kb2JqCjExIDAgb2JqCjw8L0xlbmd0aDEgMjE4NjgvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMzIyNj4+CnN0cmVhbQp42u1aC1BU1xk+/30sCAq7PLWo7LoCUiuvZUGTmBifYACjIYREFAFZHrKALKgIiMYkNjGpNVYj5IUUlUQSFUljDVqFmJgYoo5BRUOoJUZqVuM4EVDYQ/9zd0E0dsa2M51O537f3HPPvff8//lf59xdFgKEkKFkNeHJlFnTZ8xU5iqXEQJf4d3yOU8Fhhh9b4zC63y8jksxJuWqusY5EcKl4/X3aUmmXGKHJISNH5qWVWhoFNa/SYgYRYgDTU9NWuzb/LcVKP8IPg9LxxtOu1068Xo4Xo9NN+avOBbvMo0Qv3hCAtyyclKS4rY/u4oQJcp7DjUmrch1PMofx7Hn8FBnJxlTfWoex+c8Pgeam2PK77tAnsNn3ew5HhyxJ1xfH3qDfjm+yMeQ8WQF+se8vAN7IuAICX3nJPlfAiXsjBR9V2q68m6FODfdowO1S3e4hftnepcfSXR+5Cbxtpee/DXorWf6z115vR86Nw1Jw7FoWb9uYTNXT0SMk04sw8vR1jN/lhg4F1TpaM/zCoHjBBzLS17Z8KRhxmL0U62uUbhRNyi3M0L7IgJ96LHNZvTVCo54oiwvzWuPraMUBWeiwtaVuGM7AglkLBKIL/HD1h8JGLHx2OpIKLbhSCCTkECmkwhsZyOBRCGBzEECmUvmYfs0icd2PhJIMhLILiQ4vuD4gi1ynM0bN2t28CyQk3gOQo8EosTWB+cPICEkjDyOs83E+eaSWBJHUkkaySBZJIcUYDYryN/VNZLHTGIc+Q1qYBLTJIknJYkkm0Q2ybsj0df+gGzoa7hy7t58PxDssJrQO2EIJiOI5Nv6QDzIQlufVWicrc+jB2G2vjCoL5LhZLStr8AewWikkkz0Kg4j8BSes4mJTCBTMSJZZLEUoTy8k4HX2agnBKOow8wNllIPyKkH5PrP9x83DZ/mkkLUnIHRTEdv1BjtFMwRmyEIqcNeMo5gGjPwuQmPPNSVRIyYFTWJRD0paIsas5OFVGOl9OsySVepeGa2L8N2MY50eIBZwwZmjcWZluFcmZLfaZIdSSjzr814t/cpODZJ0pYqSSRJHqlRC4tsLo5JRr0ZOE6N8jk4e5L0zAGzJJKpfe12jeJ1XG2exAvXlA7rYIzC3c1DFxKmD/X1C/Fwd1Nox/jqQ8NACzrNoGvPQeMUulkx0RERUdGzDpw5c+DA2bMWn1Z++3c9rx1obj7AjoiYmIiI6BguvSjPVFRkyiuqPnfw4IULB+tbek8rhrUcPHj+/MGDLdXFeaaSElNeMVbgHnqDFxQuZBhapPHl9KEu4RoF5+7mwgv0bNnrm7aC/+rVpfRGF6AeOHLzKn24tZU+hJJV9AbXbZV0DXPRh3J+Gg8XdzfOrmo1Avy3bnq9jN64Bp+1tsLRqzfpYxcu0GldbDcy0lZuEqxlO52rRsVrXU9BelfzYlhLT9D1UIAjcqCea+fa2L6AIzQ5XL7lVa6NtjLpU7hlMGnbM5SlW1G0hO0kyX3tYqAtzgSUvtoxCpWSBQ+URKMmKqnlP8woLs7MLC7KhDX0MD1PW+hhmAJ+4AtTODMMv3SJdtBLHR0wnL5GjbAJTJAPm6gR576MyRTEZpZVnFtU+aABKs11iKV/hPmQDbE9ZnDgj0aAIqJHTztRopIQoQ0tGs7ii4PhUcBEol12qkdBpxYwz3ZcDLexp5HTRM58reC5MyufpythKPiv+hK86CXwgotTV03PWB0dBRHjJ5hPrzy9l3laip5qxWvo6di7awlUAcDUo/YQ4u7W73aIB3cpFWFITYVlidVP1hxWTi2ffwlG0M9oN22lR6AAZqQ1cBfX2sA1UfOE8X+pDw6mP7dcp23wMmRAHuxUs9nRf4UfxsGO9UDDa0AiL8y07EikJZw/HOf8aYmlGsq+AiW9LjbfHs/5cPNY/gxoeQJGZAQhPk6g7TfPU7KbVR76ES4mZP5QQtfTKKiDgpIfMpecNH1tNn9tOrlkXvhE2AapYIBtE8Pp8cjptLvjMu2eHsnsqke7JqFd9lL+VdaIaEGjFjyttakQ/IGb/Ir5VvdVy03YArEQvTzDYMhYQfcgM4Xa3qVX2r7rAG1Sfirt3vke7UrNT2JWo2bhOGoeYq06K+sFZ0sel2Ypo6ViMwbxCm21rLONFjtxtOPg0Tge1nATsehKLceYhOVzbhLGpZDJSLaLL0u15cqkWGkIGq1KM+BGPVcKoyAYF0k7paWwpjl35cpc1HLlR4vltnCIJhoXL85imgy0WWHACDvjXkNEbX/dq9B/zBKLMdYKW7H8htF0AzVAGaTBEth89kuYQDfS9j0Nh+r2NjR4wVbIwvtv0XS6sZf+IYHuUQi013y9D4QfzSCgn5h9MVOqgwE/HcRFVEVLqZJFpCdGqCXWcVK9KNi4IaxUHGAtvArrYa3lLNWLzT21Qszt8Wh7fF+7cFQoQgmfQXU9GXxUGj1WC9sSx2p0dy0hrjJ36fy5qa9ABn0jom7Nhy3gDGNOv/Q702dPmzryIRCGQXfU7OnRG43+6yxrdhgWHK88un/k03MCAkA1ctRPLGI1WJMLFW6Yr5FYldZwS3Pz0jLC+OHMfu7oHk9MhYUm3FyLZtcVnAAH2nmioG42LQfD5eqKiur33n33Pa45eQH9mFqQHy9IrkS1GAHmlx79GsHqUlqhVs/CVYPWgKCP3DRny86dW2LfmBL7wTP0FH0f4iAwfpcwmX4bErT77bd3hwTTC97eEA7uyHBvtD0BbXfCSZTMdmApkALFVOpCPPjBzuxge+Xs2oITtBMcTuTvq2S+5BUW8vVc/C1zZUoCRAKPjFzQ+wXzhh3WnIgOaLsbqydw14yGuw1XE9GaD9Gh95Nhb7269GpJKVbASbobnoAxYA+T6e+XL0p/XsnpDKtWTZtOzUHBoAdPcIGHaMMmQ0lBNvODzhSdhEL0Ypx1ZxhD9KHMBU+9hs2CCVBJM+v5QdsdvwP9aaI/w9CmgtrZ6N8uWp/xacrCuvl7qsw5xStMucXFh5ITYNrtHng8IWVHr4reoO1qDXiG6cureEXVlvJ3qzZvqZKqABsXBfscOqiea8DAskvLhUU9Ffjx+luWzTsjpXHSGIXbLbPtmeiC0ZJ2II1eha93a76ZNndWTx6iC906TOkeEZC7mume+6fshi+49y1xOfDmxuxfaf0+KLO0CIuqkhdcs0XfD/VZ32mDXR9Y2ErCHVleUrK8oLi4ABfXDPoJbaPf0T/DLL5o17Ztu9gBhB6jZuQxmAhuyIlWW3kz6lah5nuN9OTNgQsCX9nMLJyxr8Tl1+P4QA/3vdstvcKi/dmpvIjymVjVySjvN7iqvUHwYHvXnYSF+gaievwwg2oFT9OZREPKE0mPgeshfPXczrlasuRifkZmpPGxnw7/3JtyHov9elCQTj8+wHGItmLXvjqtFpShoQ9NCgocZj+6cnttzWgWZ6xFvkp8h+2WUtWr3Dwexg7uECqtSqfidLCUbng0YT9t+mZvba34Dm3oI9QnJryP7P0GLgCBR5mWCoyuQljE1qUreu7GNkdPq9UDS8m3AtI5J5XHLMwXy/Tcj4wNx6GOq8mdT68GrFvupfWtKeP8eyoqWcaAeGMFOKBO3P1xr/MCtuM5Yl4+p1lQdKkDivBcTV/svUVf5CZzWloHUZY2yxFIpu8QAKNwja9UGFhtoYyWW4cfAzZ8qjDQ3xL8diOtRYXBxRe/0xClHX5ebWHf8Ppa8L497vnB/W9VP224Top5OHbC7rxhFXYaO40TMDexY13Kon3iiVx6m5Y90RKfDIgD8Wui8R2ryD2ROHd/Sum+CZxXHHXl2KMPnqXNIbtXpXwUy97E4s1GJ++Ro9TOjZ3AsfdxzJyiZY3KsWOHeasaV66cM+f+34eiJWaSdRK3kh2kDvk9sYC/jen35UvIOriI7IZuzuUehnNZElcjN9+XJ3F3C+AT+deRp5EdEjv5TmG0ECUxS3hfaBK6GEWPf4s+/zUGy5QpU6ZMmTJlypQpU6ZMmTJlypQpU6bM/xGWCk3E0P9HcO6LX/5h3F4gU/v7fDXZg0fVwLUDMfLzSA6eT7FrcSNJxuMyHpWDdeB16YP+Y5IiWPoPFSK2EYOiiv0Gjf3l1rOi1nr+ZxBbSb1ikD9igVVXv84HgWgg8eIBUiMcks4JopHES/exL8XoEPuNyhYvW1+sJTViqXWcFJcbKN9IMvnTxAufVQzo9me/xNwf94v9fwKBgJH8n6E/FzJkyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhQ4YMGTJkyLBC3NjX8g8lhBQqCmVuZHN0cmVhbQplbmRvYmoKMTIgMCBvYmoKPDwvTGVuZ3RoMSA0MDMyL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDI2MzE+PgpzdHJlYW0KeNqtFwtUlGX23v8xw0tEGCFTYYYZBNMAGZiRkFcKKvkCjXwAMrxBhmEcVIiUiMx8HdNURPERa1RG6pptZuW26bamubbHpTJ1rWU7lVqZux5MmG/2fj8PH9k5bWf/e77/v99/73ff984/gADgBU+CCEkTJ6SkiuHigwD4Eb0tmD4zIqr8i98X076K9pn5VkulNF5aASBE0r652OKoBDUBAOf3Ki6vKRrnfGIdgDoMwG1LSaGlIDT+nyl0fhzRTSX0YmCY+lna30d7Q4m1qnqDr5wGIPJ3VeW2fIvRZsoh+VzeO1ZLdSVsF08S/hktbYXFWvjAJynfAkjdxDO60uaocn0Mc4l2g9NpCeAGgstF3nC/ssVpMAqqyT++u3W5gUQc4LpO6zPl/M8vOqG2suEAPrrOJTdW+oRDAfjdwZGtSBVyDqX8sCxk/sBx1yHITSF8Edn8WN+zc0n3ZZ9wt07SR5b1yZY2Ce+ADCAb5SYwYSB/ulLET6FI8CWRnm6iKEqegtRjx61rRlFKAejI0xqVhmlwq9qKHbmAf7zY2Wcz+dpzCeBNOnkcBoEv3Q0ECCMglO6jCRCiCRBMEEv3CQQIqQQIkwgQphAgTIeZdH8U5tB9HmT1eEyLogea3ihrKJqUPwgEH3rjTdZFQDLJmwzpkAkWyIdCKIVKWAw1lBmep3Cij1foM/vp5bAQql0uV8cvw11Z/G2XNwz7FfAQQTls64c9d8H38D1G4AS04zP3hBMEXdglxPVChgIW4SXh76JKjCPIFpvFE2Kn5EUwWpoinYKiPhOFD3+ba6IH5AhXXHH/hyiBaoyrlj/li5Cm2k1ddNcl3Pz5uzvOn4I05fxRCJIXQZ6qDlarxkDzr9UvF4GeP6UjVId8b+2R16//CCTejrtlQqJ8gFYdpMmHXVeUeFyDROkoaMQzMJtotbIZ6hVZI11thPNLTd1PVSy5U/NEQksvjuAPa3pxAe6Dql5chEiq6x5cug2XiWd0L64iDIhSCGVU25mwSKnxCnDAg/Aw2KiqCqir8uhZCnaiFhJPIdW+g/Y24tNCFPWHEcx3yND2S9H2S9HeJeeX3t9bznjiroQa0lwKxVBCPmohjHpxpGJBJIGRsDzi4BpLie6gtZBkWcBKPmqpfyuIP5ywZNJWTs+MflkOZVdIT+7bYroXEKfHr9Bq6tc6izQtJl1lSlyKFTssdOZ/03in9/nEa1GkFSonLIpHWpLCI19JPD2Ry6ddAem1EgeneVBN8N8lX2zgs89PJ+r2YMkjrBEb2FJAV5zrYbFGbuc0NKJeWP9N955v5PafrPRrRH0kryCamqQA0klUQBS/d7ZtZIvEKXgI3dgG5ovr56IPuyq33xwlBAmJfJ6nuTrkk/JVmkgQ4o16LQyK9jWbDMYo/wAxHPXBMEjjb4wymaWzq9hCdoZtWWhrQHt71aWahNz3bV+z4++9UtixNnVMFKahz+sY37C11TyWnZw8gTWz623HJk+j+qY+VqWRfW4QQCpFI1cyQo86rRQQiIM1gloljURhy+urcAA+dOoEi8BNGIzBuZa8lxqfZr9jm1mZdKDbjuGIew+gPiU9/esNJ1nT49Ys7gFJF073Rob7PQ3r2QVWx50k3WmsXdVA/gXQLxPI5GHwiNBwjOlxkgzxAdlPh2ROv6cJKNzw9B9iP55RUWsrq0fLt/gALmCn2dWv2HqM3tl4nP24Y63j9cRxyUMRE+LTu9a9iSn1O7exN9h19gELLWeHpeb9h1gTu9Z2xDJ/3r+4lUEU5wyyI5RHgAdWNVjjH4Tcf9AFG0L9ApGUx0SPiEBuHuiiJDkjwX6+9LkXJtp2fPAWW8c+XM++XBm/vOvxp19MW7p97x4sxPAacMmt7NhY89wZxtihoVHvbv43+9wUgylTp5TPMsdrQ0cd3vgtDgkhC/LI/26lSpTqEnV+umY5N5b5XGJ1l5iP3M4udE2TDhDnaleHahZxBijV5E0mKoGhUwLotIaYaJOZR3mvh3tpyZrNhr2EJrNNbC/rZFc8POX27qci04blWba/LdZ117M/sE87PjPMieNRoOmsOkSSVdwGP56uZqx4UyjDtd1vsBi5vWu3lHWTJxT0rg6pQ6qliqYtKtEiGxIxRNSZlSzGRBt0RkpWDM+dSu2XQPHzH6xRCS3PrEyfWLFxiBs2LGVbA2cfc+x8Gx/BsWckEZfW2j62mCovL/vpmjvemJken7q8ZuQKZ31rwfwX13zSMczbS354fHg4Dho2/NV9wen8K4XsaCU7ht2eNx4NkXeLIaavW6TW2Elrxu/7x6pls1omm+ccnMdusI7SPCvef+jRl6V4dj4y6vKbi+qjxrBzQUHffb4ShWJ7RRD3lHdgEGkYrtSGWqfp16CS9D3R5hok8i2k313Zzav7sNDQYO9aZW5gzmfYTdYx77FiDNrXgZ6erEUUczNKnw8VVLGqAJW1fMJ4diky4tqFJ38sqH7i2qmwObYBQwfMyKGva4H/ygntKv6tpe6bHrSGYMk51kS1WBLLGqXcrl30PXie4nGLu6fbrFjC/saaVJqfrvRQ1RfJF56zvoSoqdLMpl67Ce/3gVegWuGSpZlnFm5+zd19OWu0i/cnmorXBZWzRsdArwRz/qbh5azpcyzRzTpSXNUqthZXvPhc4NQxzkxh0sAn9OakV7Y7zwqTHpnqPzZxX6PzrJS7e37ukh5b5DiyZQjP3D3VknHyyOWsye41YGKybWdQr57849ZtL7sLe7iG2OkBSamvNSliLTktz2un9WYshiR7Us5u1SaJF5Us0TjTB/fmTYTVBy3ZtJJuYuDczCJ26dVO1pGVWYCDxdruo2U257HSCgR2ru6H/MXV7NyyHwuqqinErissUy4jHX5ARRLCk9Jvs1qp/9v14l8cbAs+SLZnHFzw7vmpk+Z91eB4AZNX7cufvWL//BbnQZXH7rzsq6fr/1Ow7Kls0ez6KKu061jRAuiJk5RFmgbRRinw2yIUIA0PmRu98g1tkRKa0IntT/lF6sSIwf77W53dUu57ZXZJIhka6pJaknGP6SbpaOLeNd0MOmqY2pjSj7PLHEk5yWf3sr+y7xxXl5osF6rsC5MKkt/bjUNR7bhIjXMpKtpsDDRovMLX1x89ZzDgkNiHTNGGsMFeYc2r3j4RRNpnkwe+8o7eTIu9IyuOcD4maHDp/Yx+wpfxWGFkG7IkMX7SW0Z2pmWPSpW1f8yBBHkHe98FbISPv0d4mAuefXJYkg7PIVUwya6lXDukXC576F3DsH8QmVY3YLHdyys12bYrsByLz7JGXdaJyqaX3fCg0OZ8K3ZGQGJqW5MQ2rVrtyW3ZaN+Go97Pf/mJMm3ZmE9pq3HVlzgrGDLpdzua6J31y7idLURZw5xegK4I2elu0gH/sw+xapW1ONyJuBYtno/O8JqhXhBzw7iFOdF558wj+3g/2lYqlxH5wf2afLGUWhWxukKzNiKa7HOGbfkxK6zIfbZlhE6Un1DdOsyna6/HJc27r8+3734CmVuZHN0cmVhbQplbmRvYmoKMTMgMCBvYmoKPDwvTGVuZ3RoMSAyMzc0MC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCA0NjM2Pj4Kc3RyZWFtCnja7ToJVFRHtlX1XneDGmRpQBOVblpAgwG1bXGJSzQxSFCJQU3QKM0mLojaUaNgEDSiQwyKogHZgoAMEr4icdgkElRwSzSERIKOESYuiVF+Jn4V+lXPrdeNYvSc+M8/55//57x7rfdquXXvrbtU1WtBGCH0HNqAOBTw+quvTbHda5uHEL4EvR9PeyXQd/gxq1kIcROh/duMt7yHLzF+fQTGN0F7dmiUfrm96yBvhMhSaH+7UG9YjhSACLH5vRYuXRsxYU+/VoTkVgjZ7YoM14e5HW9Ngvn+MD4yEjqey7b/DdqDoD0wMuq99wcfU4N8r0IoyqXRofq2j24MQMg5A0qvKP37y3ue4GqB9gYU1TJ9VLj63XE/I8SPAB7fLo82vGdqQUFQt2LjUAiyQsRkgtXBOnt+yAUiTxSJerFWN7BCPFCIYLrI5j8FYIYiivZHyIbe+67jTZt3/sADuIs9ZH75WbVi8oLeL99FLlbiyI9DM+Z0ve99Z/S3ecf6kiiVdPHmbfB2JENIppWlQXOA+c19jyKIPbDsKec4K54QHmg5cVUWCIh4LQxNRCpVsVxJlThdEYXbghE2XTF16QxrNQNBjjCX2cEKEKMegBj1Rs7w7Iv6w1ODBsLTHb0IzyGAGA1Fw+CpBcRIh3zgORoQo1cBMZqCpsFzBmKWmIvehWcIIEYrATEqQgfgeQQQ99zUc5PFWsSyAqXZI/Dm0TF4DwFv8aCrCrkhDzQCjUGvoNfRVDQdBaBANBvp0WK0Gq1DOegguol+VxWbTKKHGfUQNBJsMBmopwH1TJE6FC1F74vUN8zUprY/wS/N+PPFP/r1T4BR94N19ECDnhgLQC/3QorL4sITIEqDwcNN5iFW7w5dbRxpqc96BtE2wHf1M+gYZKYVI7ur3o3HY/1B3dorH9XJKIQ6k6H+sjhNAX3gQd4aqIYiP0sdIyfwnbnOMm+Ipc516+e71WWojzkSoC6HGoK4CgdP68GHq9Bb8F6GDFAPh4gyoEUoGtoqNBx5QUT6oEnQjkZLHpujejhrMowtR2th5iK0EHL+PRgbBHExWOQwFFALtRCgUAGnRTBugLISeOlRlBiPU4FPKMhSQSwuBVRBbHXxMoitcHgz3VbDMwwoezyD1JEPpQaCpNUga7G4roWiHnqY89+T+PjqQ4FWL3ILF2foxRWpgAuz3HKgCQG+i4BOBfOjQbpeHOsBvlhhalMMlrWjnrAnaCCvtOBbV7mj0kk7fKRuhLvHcCdHpVzj6q4bMbJ7v5sWaxy6jckuzAkNnTMrNHRWVmVVZk5llXHP7NCQOXNCw7hhOcagHJes6qrs7IpKsmPXpoTU1ISNqXGXqqpaWqqqW4g+NWHTrl2b4nfHPfin/LmWqqM/tFRXXoK4OsEV4WjIHdg7sJ3GDkcXyZqEJuLJ8i/LZI/rEGX7p4/WkdM4tDfmxc+kxfQYnsjGw/AVEkc2srkOakd1GHlB+IlszIORFhgugZmcOFPT0thIqZjRpkmk1CINVkesioT7IPBBFER1oqmNT7ZYCexD7GzttcPt7WyJx3BkZ4s0ruxJkjIyM+FfZmYntqb3OjvpPWwtC6Dn6Fko54CpFo/A2hxqoJtpIjXgbXgtXoe3geyrkP9BILsH6KS2k+nctHagNMV+NA2Hn8Z+xrwi3uBb7tvRVATUu4HaD7Tph5AbkOlGIp/xGJyicZUrdOOxdjgPflHIEd5Kao3+IEern7Z/84LG99d9+/YNrHxtbl/6e1FR0Rq8Y0zUnqlrdk+afHbY8Btfzstf3p/+AvwzYLUG4D+InUrYUcmrXd09dAOw2fWeWGeuPCaOm7BjHz1Pb8yvXxzYEFVTX5FfciQ1a98nb9WsNJx65xru9THn5nJ8++Xf3Nzqhg3fnbwptWDNckPMQPcylepCaewBdkqEwbrywAoE7ibIGqs5rR04CDyv1nFySjDV0aamU8J8mZuxjTtn1BbSHBxcx2Ymg8a7Rf8MfDx+saMX1rgSjqmJHJVIo2KeUg93InlbsrO3QMHW/nv9Gxp7jy1dchXLaHsrFehtHIBf8N/Lja3M/bSq6tPcSrK2fKA7/Y3emfMuvfPLNfqz6LsQnD+ARQ7cW/hI0FsuxhrWYHUhd0xobcRU0MqaZnfEyzwhqpJAxyRRRw3yflxLNy9w30CtmE8K0eIa14GQVQ5dBGBqkrQ9P3/79oJ8mp+wA5n+foXuiE/ZR+/du0fv5fnu2Jiwc2fCxh3kRHpiYvrezYnps1WlGw6fP394Q6nK9WRy840bzcknsf69hIT3oDCbxYM+iaBPH2YzH9G99g42YC2kG4G0Zju5uuMu+aDsVf+MN8BSY0qX/kg7sW0r5rAdPUR/8s/A4y3WdAE74eew/ex5uPcv17CTGOvZdO4AsqfLlkx2O6y/jteAVRTmLGSObm9sZLnIayjLOJqhWCHLBWvBrRF3swNmKrItB8zlrNPaiZHv4T6QRaOcOCrtnZ14IPZxljMjergT3Qh7n5FgXN4ZLGuLZKTj49iYbdvXrU0m6pf3Liz+/uKBhRljk1PyJ0yMpE0HY1qDMw8ZohZhZWb8g8ig9bT5kwpavmHD5i0fxOOZR7/FS2LemEG/pDdI3+R9eR9/lJ9HfadNfdDQ0PGG/0ZB5XTl0JLqgI1Jr0yMoJ/XZtOfF0dGzXkzWr9w4/r1eOrRI9hvfVxiSU7ItRj6gJ6Xw0pt4X4QKUZ9DzHq2ebDqTkNqaa3iRuN+YmM/maLsGBLk8xG6MuVdHjiOBoPUWcwtck8wH99wT4syi2RPdLH0eZhw0nmEXE9wYRoO7bFKOF6xOJfN9HP6Dq8Gb+1+VdZSNOC+bSeXqTNtH7+gkZfX5yNF+JInP06aHMK9DoIelkhO7b/WiLCTS2+B2O883eswy70Kj1DJ8G8UrybRtIAqpd5d67BfbAXHoKdC+geuoF+QHeDvsAP4r8JPCruyHaWcoo7KDxP6oXR5L5xvKypiE4pEtqKLPQaoLfuRq85xQUJy0mAcPA0I/UtEnwslmCZBfd0N9gr1HbgeosBeOfupuHr6BFiv4pey6G5dBVOwvNTsCJ6uTGJ3qa/Ygdsv6SwCe8oEOLemoXTcBRehtN8p3y/IJh+RS/Qb+hXbsisF95pPicctKDRaVClw9MyIneBkV5MY/AkO7M0cHKdwi/h9TgOv3SCxp2hccdlTUYr7n6Hp8zFCDejjquWuXD/t6wWrG2nFifakt3HabuwGOZ0uvBXOzz5q50uyOwdfpvoHQfRO+b0cFOzzZj3hLl4J92Wnr6NjsINnRhTUyc9LfMWvk5J3JxS0NZyuVUotPg4ELg4sLME9npnBw3nhdl0O7WK7UYPOXPbXokZf675C7+k9y+dxg0YGTcKW2lKamoKqXba/gGNxHG7Q4StsqbvLm6rJDOE24kbN7JvI3Zy5oJvPCxRKm4kLk85Vrxx1ybI+xrOLsg/vKZgXev39DK9vvjOhphbKz+rTkyPaT2Nne8u+kGWd8Jn5IbVoeEufT2bjzT/ONT7/GtTtnywLNalz0vHDpz8hzsIM3WAhW7C2mCH4cTYsVPL+TvC7TPCbYidjiaZ6LOu7IO9GzLPGpKP+AknG3Ez/uEboR6s7szfNHu3iG8nW+URzO/W4FYcjZ9Po5XyCPoXvJp5JAZW+hIfA1ns1m13H4d97DS6h3uWuvu56URqrhTHR6dVlJdPqN5SfEboxGT/nuAjgeE1Qf9sJ9qImBBDc9lgfyG+KEJfm3v0mH1ckpdXkYeHkekDNzfuOsjr292yWkv+u1ryn7s+PTPg8MmThwMyp0/Lf1eg30Esymfl8rpiT8+2c+faPD2LBg7E42FXtcdjNGwdwJcPkivBMv3EyLKoD3ceBCp334q53PLyMYdiz5iQ6UzsIaF+f0pKYWFKyn7uCJn/4FZhmB6/iq0AX9VTxzPXr5+BYuEfB3or0QtMc7UYAI82LTinFeJqFHycsbTXub8trg8JPb+E/k7r8WBjK1aUk/wt6RU2ZH5QTf2IESUvDsGjcA9I3sn08vE9ZSVZzDbs14n7sAaWG47Aqz82R4BGp2VeIPcPhk7D3vRCxcGDJUflyrSAyNBkozd3IXl6lXgTWUFn80GgY0/xDtR1/oGezrbkUdSOwxbD2JvPIi43P3VXfv6u1PxySjv0xW++mTXz87LRpbFfGY1fxZaOLifjGi5daqi/dOkX2kpv9h9weMiLR7+YGxqCx8BRyuMxIaFFTHs4Ivkwi/agtFk8VNhhx/IjrDw2NrW4omLS4VW1J0meMI9kZWfV5AmJcqWQFR52h62gFuaulSvNJyzbp9gJW1sOwAd35siVNxExtdDZIk1P1FukUcotdzsz7b7Ppwxb5C9O+Oi7Yxn6NPmgm6DdI84iX+ApVz64ZdFb0R+s5goNUVPH7to/WoajeRmDXzuW8B81FStXJRdUrFyzraCiYsLBtesOcFtjV99tZYv6NIMtimTl7v1in5DIB5csDIl9aB+Q84R9HP/EPsCCmcccg6tE/zr/8Xun233esKv4QOrO4uKd7die3m7/T3oH23FXrp86df1GQ/3NDNpAb9FfISxHQ/Qp8SjgWwlxkwd8xdxxe6gScCOwAXQPJGyoqBhzKOYsMpnOxhwioyB39rNSKJTIexSF6Wk1vQ9Yrce/dKXOY3HZ7ym3IkuKsluRBnt3ZSMxPMrRMeXlxNvCTyjplqBhRQ/+y2xZzg/4sxPfvKU8Mqsz5+cydUjGftC78kMHr35cmb3dmRqhFIwaESqTwexo2JHqYfZT9nr2mfjHvZ7d4Lik6YVBW7eG7JpwPP/exaC6pREn9QkfhR+YeOCTH7+KKOMnlAwaFBg4cara5sW0rRlHNJoane6dN98IcOs9MDUhq3gASPUBw/wmyzJHA0tzpdNYlvTuOpbudngNjqEfvmE4erQpNzFRlkW/TBZytk5Pz/6GBCfj8cyqJRANb4vxpISYhjQzG/bh1ueOS1hEfVZePvnQqtoG/DWuJAWCPju7Jo/EdOYUR4S2c4WgyTiIyzg+WPwOEI8Szbg6PB/Pr6PzOvhgYyBX3JnD4ncs0K0FOrgJWRMNHCbW7OThw+gSXNRMK2llMz5MVzbjwXgwHyxcEWpxOfUlfsSJrsDJTA5EAZMDWSuzweacnYDF04vsnL4rdudS/0Ctmo41C49sWJfuuzmQn27cxS2F2W+Dj1tgtvlexTZGHVav4BYL/qTMuJ6UCeF8cKGxZWch5wa2qeNWcePEr5bnn/hlwLnLs+BLggKWLQsIWBY9Y+JqTy+vis2JZeWy6OiAGVFRM2Ysjx/m9dLKSZv+Vpa4GUIMYwN/m5tpPkvFb+2kelqZBkfpFpPJfD7II+zdkS9Ctgo0GSXBt/mT/au79a8S+2dCv5xsMTAb14KECSBBziQ4aDwUGnxk192ksrIkJubuXfMXv/mrftjDeFWoFWobWJSTM1QeHUyuiNP4aEewdeqgYs+yjE+e+9eIzNMq8oqPcI1gTHDNKPoX1enMiL/Ofaci+Fd6ZlCjTxLGX/pkDMIjb4VUwG17UVBDVUwfL43Kq09M1emgRezG7Yq5GGdvlcbbOQZj7Pr6U37Jmw447yEuRWvRh2gnqkM/wLk3BYcC5uLPsUDGEv9uWEsuk8vcc5yOm8aFcGmABRY8zl0CNHEmfigfxW8ATH0K5vOX+csya9lo2RK4XZ+W3ZJReV9Ad3mQPEa+X/69QqFwV+gVCYoCRSXgD4oHVrbPjGMtOPV/CWdZ6Z+KSyWUUML/0/iBhBJKKKGEEkoooYQSSiihhBJKKKGE/5Z4mj+HIrp+BCdJT/4wrkhHK8QxLTrxxzGgzyJtKAzeLaQUIZkzSoRyFcpuKBlQwhgdvJOhFEJJghIPtO1P+3NaKwTz17K/F4A5u5FBPhidktmgU3w6OiXXIoMocx77i4pHIL8ONEZzH99ofsuSoU+JEvk29hcK0Lbw/DPgESrir6MYsR6BVgCPFfwttIJcQN6sLrNHlWQ0qiWjTS2iLlBXnEGVrJ//SaSvZHScH7Q9UTSnQT4wVsJXs/+3Ap7VaCyr81r2P0RP2PJ/BKB73eNtbED/RsD8wMoz0//07LQSSCCBBBJIIMET94payQoSSCCBBBJIIIEEEkgggQQSSCCBBBJIIIEEEkgggQQSSCCBBBJIIIEEEkjw/wNkzgj9C6R8zk8KZW5kc3RyZWFtCmVuZG9iagoxNCAwIG9iago8PC9MZW5ndGgxIDM1MDAvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMjIwMz4+CnN0cmVhbQp42q1WC1BU5xU+/33sBQKILoq2Arvs8rDII67silpIVChSEQREQEGWXd6soDxXStHsRGtNggxEE0cMGELBqEFjyGrQpvHVlDAYGXxUE6iPSdI6rZOZxBd7t+feXV7GZGym/5m99/z3PL5zzj3/uQsEAJxhC9Dwwm+WRUVT71NHAMhn+DQ1PilkXtHxIx/jvhz3KTqDtpRup68DUErcv5KnLSsFDglA0HfOKzbm8oddugAk9/DXk5+j1StP3ZSj/WKUq/PxgXOnZDbuZ+JemW8or849zeKeLhYwikt0WsUZ3z70jz6gx6CtLoVm+iPkr+JPtkFryPHvX/oOADOMOm6lJWXl1ouQjrIHghx/FDgAZbViNkJeGfRKCIR8zE/YjS8HYFADrN/h76po/8OFFpyB9wRwefn+8MMTLtGgB+kkjQzRK5VpjlPWG9dPWfwdeDuIguHQfWtG7/eHLSqXaIedtshGfTOuZBewAKyKfRPUxEu4W6PoK5BLTUOXz0lommaeoxhbHOMrITdKj09kYJS48+5kL2cgt7KA/Hno/mjMmKttUcjRYh2mIRFQIhGYi0RAhURADRq8hiMRWAYxeF2BRCABVuF1NaThdR2SmCX+sGLgbq+sO1awGu+/ADd84oQRhcCLsBxtkyEFcqAANkAlGPFNwARZEsq0KDPAJkFmvfV0euJt/Zzl+gz0qydowSTKEGkfHEU69zQiDiSKVJMPyLc2oiR2iqUq7bSHGqQJPZeOFCmT6YPc0QCpnT8/OeqYtRD+D4s1Wht/EmcddsiPLGZgXMa6gzNzC1JtPqHlWfGZryAZbWOZXMjEeyZzFzIn4YdjV05YXC/EsNMmP6NjIYYJBA9aASaUVTA9MJYT02PtE8zwhGPXMo54QEJhm50nMANK7TyF3ZBt52nwg8V2npnAszATT5CNl4Aw/5ZhnxdiP6dABXa2Fju+DIIgHj0VY49vxKc54lnYhM8LoATlMpgHwXj2NJNsZWPWsiesJ++ebrMUPZeCEVEKIA9nXTnKAkAHc0S0UCQVctmoIYMlqFOONuWonYP2BpwGMjyZG1A/GLkXEa0Y74ljvsrEXQ7ehTwq8apHTadnQFWPoSYjUiViFYo1yBPj0KLN/4Y4OXsd6mpFbzmihVbMSCbOHRlGVmGvnA53esQ1iHNnA/oh1kLrErqQHRTmGVERBWU+NnL0KDv40IBfDuwd5i7KONQUpbScVjgSOfXtHTJ9IMKSNTBId/AZlJIdfBRI6vitrKtlFvYSngXKd9wnSe/lv+gVdLC3UMb0o8xJ+H4Q+bwZ091BrqAVhFbNU4fN90NtMvDZZf4sf5Ov6CV9xfwhc+1GdvD0h9/z/7Z0sCGW/q62gnJEcbbeYgbYe+CPfrhgovCRTHef4U28iODRx89f40VsLkNIMAmbD4jFDPjnXMj44HJ8m7GvhW/mv6y6Z5xTMlRy6vba3cb+PWQNkRZdYtvOqTX7TTFxc73C3m68yd8OCb0YFd2xPT3Dz1v9at0Q8fRDdDzfbL5YG5DKOTlmKTcy/5FZ/mWFXgKWe+zgwUeDbCBq4gRgcYvnBOREJcWKkHb+0flr1OCNkVasygjLiJVJxnyymBp8R4GYEa3QuGJOfmHzlXOIJoIIpfGRcMiphJpJOFu+mKGGWVFr9lnVX1f/IQknUgJOFNVgSj+ll+VfyDjf7/S5+ea1kuzdw0qqzrL1oF733o6zt593kLqn6YKDD/r7H2qTp/3eWJeqv3Jc+LLFYhTHJO4wFXwxChuoK7EjRRBix6c4MTp/TkFU9PcvV6x+XbNwqalsTdOC8GjL2WV9pYd6qzbE9OQZWubJzSTETB1qaEuKT7pu+GPzqvjEvxPDuoKvzx/gL1auTNbrDiIegUxEjsX8vcfe5zgwZ6/FNFv+TKzvktcTUt9Sp2Tu2bvi3QxFQmfa0L3amuSb21buZcK6Q0Mjwtf8s3ZPU3Bwt1w+1H+E+FYkJCqE/BCF9UQ8qZCf72S3HlKhW0dTDRtNnk6N/VtNx5nK0tiTucXvBFWf4D8/YfnaVJ7SuGDRMsx5d9jCqA6t/s6FdhJUFZ+Ur6WyH94lXQ0HklYl3yjauS8xLumGDZlpwPwccY4CGfPPyn8sS3zL9DWarq/ZcUlNh410SJh391VfXqfQDRi+eVxrXHnFePofzlSTm8/Uza8dfqveb67bzjfU87sDAob63iNBlbEJtz8OLhByxm8EFSIR/q1wwonkFJwKD1yVOcjsb75ulrh/0/u4Rfi/hHpcJEZo6z/pWIhP8CrOVq2xVgwxmbc6OOjTt13yrjGbkEv9g8BdNyt++2nZ5ma35C9qdjU7UG2WddT+wIgZ6fpPWy311H7fyFlrcwSWyTqSnbdlU+Xv2t+Qx9viYLZjHLN+GIcdG1GZCtMJk6NT4fqmy/Ia8zWzb9zVqqa3HUWU5pCY6cmZ5zotjUxWl7awpUGZaM+PPo5+p+LG1mATsqEbZsfMabyh3CjEvby3zGuhJ909xW3oI8s5jE+bzzmgBw98h4AeAibMHA/70GEUE4ZOCCXMHKXQq6BYfiCl4U+fTOEWmWv4O3fSzlYqc86mb+/8Uhr5ykvE5au1h5nIIwEButW6MIaapirVHhv2UZ6ery5Py1rEuvkaM9+/5IXYJow+m90vVoWT02LXLCKc2DFqjVShUUlVNJ09m2+okkjiVp/07mprlUiq9nm+GWH+NZNVb2nxCXZ5YeHeLS95aORUVj2J4D8RqlKBOXUzWYLfX+JhHutG9DY2g9Q7sNhOjvnrm67aio3N19jmRHqw3Lrnoz1WZ/y1kyp+3NKVXdS6yysdvQrfjkH0ilNPKg49ReOZNmrmGYvpAZM1EkObseWItY9PYQZQawrOSFcSSDQIHImfAsFgZEtrbYN3YVzx0vAHZ05S1F/yrxTtTd5cxGhG2ul0+C+zCw9/CmVuZHN0cmVhbQplbmRvYmoKMTUgMCBvYmoKPDwvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggNDAxPj4Kc3RyZWFtCnjaXZPLasMwEEX3/got20WwrIedgDGUdJNFHzTtB8jSODU0slGcRf6+kq5JoQYbDnced4ZxuT88H/y4sPI9TPZICxtG7wJdpmuwxHo6jb6oBHOjXVbKX3s2c1HG5OPtstD54IepaFtWfkTxsoQbe3hyU0+PRfkWHIXRn9jD1/4Y+Xid5x86k18YL7qOORpioRczv5ozsTKnbQ4u6uNy28Scv4jP20xMZK5gxk6OLrOxFIw/UdHy+HSsHeLTFeTdP11ukdYP9tuEFC52MZxzVXeJlMpUV6AaJDPpJlOjQFuQBmmQQB60GhqXmQTPVCFSIrKCJlcNXiS8VBx5DgRnEs4kIjUidYV+hO7wWcOnwAwKM6gBmgVZ0A6RyFPIM30mgqZRpVmrGOQ10ARogDP41KtPzKcxn0bNZot+IAWS6K5X16iiUKXCfALzcWxXrNtFFYEqCtutsV2OaQWmreHTZC/9NnUQ3EDj2EQ8hnQ063Wk80lXfr9New0hnmX+FfI9pkscPd3/lnmaU1Z6fwHHTtb3CmVuZHN0cmVhbQplbmRvYmoKMTkgMCBvYmoKPDwvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMzU0Pj4Kc3RyZWFtCnjaXZLPaoQwEMbvPkWO28OixkR3QYSyvXjoH2r7AJqMu0KNIboH374xn2yhgsqPb76ZyWTiS/1Sm2Fh8YebVEML6wejHc3T3SliHV0HE6Wc6UEtO4WvGlsbxd7crPNCY236KSpLFn96cV7cyg7PeuroKYrfnSY3mCs7fF8az83d2h8aySwsiaqKaep9otfWvrUjsTjYjrX2+rCsR+/5i/haLTEeOEUzatI021aRa82VojLxT8XK3j9VREb/0/kJtq5Xt9Zt4Sn34UnCffhmzkBJIK4CiXMgmQbKCXQOVOQgZMmRRcCXwydyUAY6gWSgDJrctR6aQk6JChy9IFIgUiJLgSwSWrFrBUiAEuTUyAJNQPO/oKXoBSRBEmcocIYM9eReD1MqMCXZgU6BUkyJY0oZpiQxJY4KYq+HXqQIF7XfyHZl22Y99kHdnfOrENYv7MB2+4Ohx4bayW6u7f0FOFa6fwplbmRzdHJlYW0KZW5kb2JqCjIzIDAgb2JqCjw8L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDUwMT4+CnN0cmVhbQp42l2UzYrbQBCE73qKOW4Oi+Z/dsEYwubiQ36IkwcYSSOvIJaELB/89pHmGzYQgW2K7uqpqvaofjt9OY3DKuofy9Se0yr6YeyWdJvuS5tEky7DWCktuqFdC8rf7TXOVb2Rz4/bmq6nsZ+qw0HUP7fibV0e4ulzNzXpU1V/X7q0DONFPP1+O2/4fJ/nP+maxlXI6ngUXeq3QV/j/C1ek6gz7fnUbfVhfTxvnH8dvx5zEjpjhZh26tJtjm1a4nhJ1UFuz1Ec+u05Vmns/qv7Qmv69j0ue7sOW7uU1h4rfnbkVUaOWii1F2ouI2ky0pIanZ5OGamFjGKTUXplpqSzg9eCSs1zngFpaj1IgVJGqsvIRBA8A0+hzKBMMUUzReHP4E85kAa9gjzKes5rOZ2ZgZkOXoBnQA4U8Z5emALyJGHR6dFpycXTaag5aoaULClpUrKkpOm0dGoc2eIInoZnUO1Q3cDr2ZFjm4FtOrwHvDvSDaQrSUKXJNASihamWKYYdmTLjvBu8K5wa3CrmGKYEthRg07Df8mh06DMoUyDLEjRaejUnGfLeWjRaNEkYcv+0BLKjpjpy97x7vHuURYzr3nZs9YykoTEuy4Jsoeg8rUr92u/gPt74uN2t/dl2S52fpnkG73f5WFMH++beZp31v75C4D8GI8KZW5kc3RyZWFtCmVuZG9iagoyNyAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAzMjU+PgpzdHJlYW0KeNpdks9qhDAQxu95ihy3h0WNRrsgQtlePPQPtX0ANxm3Qo0hZg++fWM+2UIDCj9mvsmXmUnO7XNrRs+TdzerjjwfRqMdLfPNKeIXuo6GZYLrUfmd4l9NvWVJEHfr4mlqzTCzuubJRwgu3q388KTnCz2w5M1pcqO58sPXuQvc3az9oYmM5ylrGq5pCIVeevvaT8STKDu2OsRHvx6D5i/jc7XEReQMZtSsabG9ItebK7E6Dafh9RBOw8jof3EhILsM6rt3W3omQnqaipC+iXNQGkmoSMUpkiwjVTnoESQjFaBypwpUgApQBh1iFWI5asq9pkRMgE6gElXgpYSXAroSuhyuJVxLZFa76xSZGpSBCDrcIHGDgM8CPnP4lPsb4KwUsal797b2bltwn526ORfGFlclzmub1Gjovk12tptq+34BzI2pcAplbmRzdHJlYW0KZW5kb2JqCjMzIDAgb2JqCjw8L1R5cGUgL09ialN0bS9OIDIzL0ZpcnN0IDE2Mi9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxNDA4Pj4Kc3RyZWFtCnjavVdbb9NKEH4/v2IeWx0l3rvXEqrUC4EISktTKJwoD26yFCM37nEcRP/9+Wbt0lDS61FBuNnx7M7Mzn7fjFeSIEXak6bMkiFlPTnSqaOUrHEEKbWUUZp6koK81yQdZTIjmZKUypGEwnqsFHglFSlJMlOeFIZapKSgMkbDMiln+A9p6aGETy0gZ6SttKQFwrAGStKZh6zICOP+evEiOb68CJQc5mdhkbwpZgsaO4R9NEl2q+W8Ibm1dT1rN2/ysjprZ5PkecnBsimLOYsiym/z+RltfKk324VlftqbWUFjKE4JL06+Fk04rArYHot+5ozKHJvqe2WlsJPkCAYCjXsSm+LnajDZ2pq05py91ZwVxrI52Rc+E9bfba4N8eWP5tWoyZvA9raxkn93t3nrSd6J05xFvPh0cPotTBu8g3CYN02o560w+prPCuw9CrtVWdWji3wacPiclkGFCHVM2WpGOZP4UwdOdZy4H2ZFvlP9wHYg28z2VWptJskb2fc+S53hs5k3WLIgG9cchUW1rKc4BBPl47o4v8/EThnC7J5JXaRFUwbaGOTTZlkjZhrOv1cFdjZQQrmewD+5meyFRdNhh5JPn/8hK/vaGo09p970vXPSKBJXuFLJoKixwnegwTCLw6tkiJVUtQF8DPNZWNYIYBTKMtR3+nRZ2rdawuu1T3FlPI2e3oUfndNf3OyWBc9JaHe5aKrztX7Avb7xmdTmNkd1+N7tbdVn66idpLsMpNcZSG/Cg1ED59O6uGiqOorv8nMoPpy8Gp5s/70XvuUfl71RPl/0dqpyFmcM8vOivKSNVkms3EwGZX4GeMQJO92x95QGV4RQhJoySYYgdzHdnp8hCyLZXkw5bGh4+3HM81EDLl6H4uxrqxo14fwjeREHr3kQIyjKoFDB1m0nGS1Pm7aaDPf4BatUspMvQuTIrVvD9NHlAm6G8y8Vc/IonBWLpsZOt2fVadhMDupZqJmCG8MZ4i2ay014u7gowzmHL5iXw73j6tVwbz+/oORqVnJCY43/xk9wZmPOyISjHxubEh4IqDjaCzJcS73Aiwx4QOHqnglX4HEcIKXjNDUTrvvjFADxGvMNrDmvMYAjr2HSSlZr8hZqy6s9vMJhu9phNXeHFB3BZjr+uhQBpgYzJByhjSBkmEyzbuDZJLqE87CPKj82WGi59aDBQDFBb4FVYzHw3X7RVtgRRiozvt3D5AbuuCvdeZL8TjzgCI+rD/NiWs0CJ5RR/3IOiU/s51n0Xndwm+XAUcU1biwjLyYPIsb+593B0eA3172D07L4dxnuI4jz6xhinosh6kkMuW+Pf4YpOJXICe3sragHVnXKsFZAfQQ6oxdfMwA74KpoFetAMr4TAHYMVAfKmyBvD6MDOUUerAE6OXsN9ij8BmklHgfp+3K+Au3sEdBW8uHQ/vTm/fvR0WoITyv34pnArJ8E5jW7en78yrbSZwxJfGmMFaMvFnl8cWu08virU3JI2Y2nq/U3FJpruraxezC8Oyo4FNoUsHb44rZcztkR00JlPMAM71DcmU/cEJwA1K3mdcAtzDkp26YQLUaiSN0RxYpuCnoSCBbHYJ4CB1TkTsYb85ShZbDCyatJIAram1V8G1BRZ7OOMBhQfNRVl+BcSYmQreBssWt2iQeSZ6JyZ+m6h17TPZR5HNXWIOKaXUo/hl324ewavT9893b4C8H/R8/gnD8Py8yTWHbH7v4M2yRDKXLEdWD+yYJr4BtG0C2gj7BdwXzbGyLQ0YTGHci7drAW3Sqiew0+/ePweUcuV3CaPgan2QpO248nTli8Dsa+wxd+llpq8DWfpTYQvtz/jP+wrmbLaahp4yTki8vDmi/GqeiLzZvXuNXL29bWf130p2MKZW5kc3RyZWFtCmVuZG9iagozNCAwIG9iago8PC9UeXBlIC9YUmVmL0luZGV4IFswIDM1XS9XIFsxIDIgMl0vU2l6ZSAzNS9Sb290IDIgMCBSL0luZm8gMzIgMCBSL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDExND4+CnN0cmVhbQp42iXMOQ6CYBRF4ftwYBDFAWgJJSWtMUZD4TbcDg0LsHENboQt4X/ymq84yb2SliVSK4FBBCtT4W0NG9hCDInFX8nKKdB0gf4TuI6+SCGDnd3e3nLYw8HuibcCjnCyx+DtDBcooYLannO4f/2kP19zDMUKZW5kc3RyZWFtCmVuZG9iagpzdGFydHhyZWYKMTgzNTMKJSVFT0YK"}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:09.50126+00	\N
2	camille.martin@demo.tierslieux.fr	Booking confirmed: Poste 1, Télécentre de la Maison de l'Emploi, 21/12/2026	Hello Camille Martin,\n\nYour booking is confirmed.\n\nPlace : Poste 1\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 21/12/2026 08:30 – 12:30\nBooking number : 1\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-1.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6UFVCTElTSA0KWC1XUi1DQUxOQU1FOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2kNCkJFR0lOOlZUSU1FWk9ORQ0KVFpJRDpFdXJvcGUvUGFyaXMNCkJFR0lOOkRBWUxJR0hUDQpEVFNUQVJUOjIwMjYwMzI5VDAyMDAwMA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZTRVRUTzorMDIwMA0KRU5EOkRBWUxJR0hUDQpCRUdJTjpTVEFOREFSRA0KRFRTVEFSVDoyMDI2MTAyNVQwMzAwMDANClRaTkFNRTpDRVQNClRaT0ZGU0VURlJPTTorMDIwMA0KVFpPRkZTRVRUTzorMDEwMA0KRU5EOlNUQU5EQVJEDQpFTkQ6VlRJTUVaT05FDQpCRUdJTjpWRVZFTlQNClNVTU1BUlk6UG9zdGUgMSDigJQgVMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9QYXJpczoyMDI2MTIyMVQwODMwMDANCkRURU5EO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIxVDEyMzAwMA0KRFRTVEFNUDoyMDI2MTEzMFQwODI3MTBaDQpVSUQ6Ym9va2luZy0xQHRpZXJzbGlldXgNClNFUVVFTkNFOjANCkxPQ0FUSU9OOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2lcLCBNYWlzb24gZGUgbCdFbXBsb2lcLCA0NjEwDQogMCBGaWdlYWMNClNUQVRVUzpDT05GSVJNRUQNCkVORDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:10.424643+00	\N
5	lucas.bernard@demo.tierslieux.fr	Booking confirmed: Poste 2, Télécentre de la Maison de l'Emploi, 21/12/2026	Hello Lucas Bernard,\n\nYour booking is confirmed.\n\nPlace : Poste 2\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 21/12/2026 08:30 – 12:30\nBooking number : 3\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-3.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6UFVCTElTSA0KWC1XUi1DQUxOQU1FOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2kNCkJFR0lOOlZUSU1FWk9ORQ0KVFpJRDpFdXJvcGUvUGFyaXMNCkJFR0lOOkRBWUxJR0hUDQpEVFNUQVJUOjIwMjYwMzI5VDAyMDAwMA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZTRVRUTzorMDIwMA0KRU5EOkRBWUxJR0hUDQpCRUdJTjpTVEFOREFSRA0KRFRTVEFSVDoyMDI2MTAyNVQwMzAwMDANClRaTkFNRTpDRVQNClRaT0ZGU0VURlJPTTorMDIwMA0KVFpPRkZTRVRUTzorMDEwMA0KRU5EOlNUQU5EQVJEDQpFTkQ6VlRJTUVaT05FDQpCRUdJTjpWRVZFTlQNClNVTU1BUlk6UG9zdGUgMiDigJQgVMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9QYXJpczoyMDI2MTIyMVQwODMwMDANCkRURU5EO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIxVDEyMzAwMA0KRFRTVEFNUDoyMDI2MTEzMFQwODI3MTFaDQpVSUQ6Ym9va2luZy0zQHRpZXJzbGlldXgNClNFUVVFTkNFOjANCkxPQ0FUSU9OOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2lcLCBNYWlzb24gZGUgbCdFbXBsb2lcLCA0NjEwDQogMCBGaWdlYWMNClNUQVRVUzpDT05GSVJNRUQNCkVORDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:11.837138+00	\N
6	lucas.bernard@demo.tierslieux.fr	Booking confirmed: Poste 2, Télécentre de la Maison de l'Emploi, 22/12/2026	Hello Lucas Bernard,\n\nYour booking is confirmed.\n\nPlace : Poste 2\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 22/12/2026 08:30 – 12:30\nBooking number : 4\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-4.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6UFVCTElTSA0KWC1XUi1DQUxOQU1FOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2kNCkJFR0lOOlZUSU1FWk9ORQ0KVFpJRDpFdXJvcGUvUGFyaXMNCkJFR0lOOkRBWUxJR0hUDQpEVFNUQVJUOjIwMjYwMzI5VDAyMDAwMA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZTRVRUTzorMDIwMA0KRU5EOkRBWUxJR0hUDQpCRUdJTjpTVEFOREFSRA0KRFRTVEFSVDoyMDI2MTAyNVQwMzAwMDANClRaTkFNRTpDRVQNClRaT0ZGU0VURlJPTTorMDIwMA0KVFpPRkZTRVRUTzorMDEwMA0KRU5EOlNUQU5EQVJEDQpFTkQ6VlRJTUVaT05FDQpCRUdJTjpWRVZFTlQNClNVTU1BUlk6UG9zdGUgMiDigJQgVMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9QYXJpczoyMDI2MTIyMlQwODMwMDANCkRURU5EO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIyVDEyMzAwMA0KRFRTVEFNUDoyMDI2MTEzMFQwODI3MTJaDQpVSUQ6Ym9va2luZy00QHRpZXJzbGlldXgNClNFUVVFTkNFOjANCkxPQ0FUSU9OOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2lcLCBNYWlzb24gZGUgbCdFbXBsb2lcLCA0NjEwDQogMCBGaWdlYWMNClNUQVRVUzpDT05GSVJNRUQNCkVORDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:12.103567+00	\N
7	ines.roux@demo.tierslieux.fr	Your invoice F2026-00003	Hello Inès Roux,\n\nWe received your payment of 120,00 € for Carnet de 10 journées.\nYour invoice F2026-00003 is attached to this message.\n\nRéseau des télécentres Aurillac - Figeac - Decazeville	\N	[{"filename": "F2026-00003.pdf", "mimetype": "application/pdf", "data": "JVBERi0xLjcKJfCflqQKNSAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxODUyPj4Kc3RyZWFtCnjazVrbjiM1EH3vr8gPrNflclXZEhoJEKyWm5jdQYAQD5Og2RfmAXjg96lOd09cbnem05MFNtpx4rTdx3U5dewO7Ly+XoH+SRFcSlk47g6P3R+dd0LHb5/eHLtPr9efgvO7D3/plbyb/r9708Hu746TixJihF2MwWWBjLR77IIPLgYWNv2/d++7W309N2l79GOHHh0kSWnLpM3Bj11M5AIln8KWSdujHztK2WGOlHjLrO3Rj50EvVtIGDfNWrgqsUMCwli56tS/xVXlrIW1L5+0Odi66vJJ26Otqy6ftT3aumqDARAcSEwed0RqYAWdRWdlTHo34mz6VwdAc7TBumHWEmvyTmMB1XEW66l/C9Zy1hLr5bMWWNknB4GjVFiL/g1YzawF1sasr++fZvSs/2Q3f/Pnh+6zuw4m7j5lcCaXEAPF3d1j9/qHH9+8/fHTXQCHiN6n3d1D98sn3od8Q0nbGG983/CxIRmaNDQ0fDd88njjf93dfdV9cdf11h3h1G8qXMDsGNWuFa5vf/78y3dfznFBeLpZj/IwAIGhyUMzXBIPJfIe5AndWqtpjChV6uC00mwTrgEJDAYCNJ/G77z5rtnwiLnhRQgaOJQowxHPT1/f3r5/twOs3Tg4bPTi6L7CYf2nodPfH5v7/XClL21IXDZTZyhtv9H7moc+omC9nve333/3zdv5etruN/DG4Gwucm6HDTFB4oii+mGtE0YM8FuJCNi4elgXRNOE81G0GBsRXZLsc+phXRYGVedDOW7sJJyyP8BpBBmGqO50vYgJal0S77XK2GWuDBnkcpkjg43EMWeMjxJA6JVKRARivYT/TQBRr0wye54CCOkmUk8PA0vEexMeyXBGMpwsL6GHGF2CpE0Faa2z0TjtcB7mBiqA4Ai0LOQa30WerDJo6JwszY1LvPH5NAubxY6f9steDqAqIkIOtqT5CSuqBIgzS1mesEpgqwTIjpUcCGtIkwjwa3J5CsaHOsEv92thI41AURWmdHPOrSMS9GVZCkNnMOQ5lv1TgGKfVntuYLfMMxVmG9LUIPRzeTjJuYcWoYcFl1pki+HE6mDdBHiaSKNCnhvemu5pgKzkk9MdyBiMzG3HG00gxCjXaJBFUwUezixVyImQANb8OGlP65Ax243RNSyOAtuaZeKosbYWFXMRSwYXMocAT1i4jEIclhqG+RFMMN6bSjIWhr35dGhdgjbdG7DQs1I3S8hPsIZbi03hwVBKNYyzXImHhuet66Z9SSgjZmosb0XTKQ2XV4pmo0DRQpBEt26hssHamqWmkMEUEk4WmmIbzCrGDKGXUx5GrV8pR8Qa9opSthgEIeggCShPQjSXQQlimhdE4yICFJdIJManMJQbkEV+qMptHXl1eFykm8fqUMUcL0jjZ6Yet2vBBAJhg1v7G1nzRJ9dTkQQntUAwRamw7UVXkzBSR8PfGHtD2azZzcflg1elBalqdZJAXskMao4q9uqYjGtYX/OT7PiqjwxROOhtYU5FZ7lKWdFzPKtlZwAzcJ0gt4vHWeVz08OASkmkRZWMrq1GXDmbuNkMVv3tkggowNOQVIZ5EtnJVYpzEXBdp0LogHEoAavEI2x/txphzXtGXzEW2Jd2GmRjpl3EZIDFB6iba3BzOnQuEOsiu/VjwOUyl2G/lWDPmdTGyjFuhEdU4JTSkzZPIvqDZvF4F2MHmNaa180kmWyYSuHrOTdKFxy/xAviZftpgy6lQsh98+JZqZEEwN02KRSIDoA9pBX2xCNajyUDDJpKqsTD2cF4rwgh32pZDeWQWSnhY/VWhfYvqgoS0uw7kHlREXPqsfm/qGWpdpnYYaHo2FsgFrMpkHMZhqNdLnXyUeHGSDTaq+ryAtprvr3C3uPZPcelzuQlEQyU4S4PXlIB+oUiVveaVmyCGG62umk4nYCeut8ibExFIR+5qjhGsnCAo5TTygbk2UKjkW8lZAgf9xh6x5i7pd/OxeKYsXgCCR4PK9HuTowOiqxSuPJs9uO6UQZz1RPEX0rAk8nEfG39sFSCWHaeCWrXE4lJYmDyFo4qxX/MqKqBK5GBAbJfXA0L589ZRuPZWwnHyHv02x+QnIhqnZOrfntQTvUhyV9Mz9Bo6ThlSCnj4O4fMjep0sgiOkFCT3n0stTGJOSDKN+UUG6VgZvFsGISUW64ks7iuh8jlH+X/QXtRpyJpFQI7yi8f6jSl/kQrW2JXq7SoKcXN5vJzTF+VmXX005oAQXPDCG+u4r3XkVw/fnAoERiNbawGPr2eIS5RWf9ubM0j6tWio5613bXzI78NIVO0meVdNUq1sMK7pOPOXkEgQmvhqF6LWvAp6CMPBLuASCk4C6paqhfgQusadL/yqX2LU9xyUv8P3p0ImVv1hUNhZH3xme/0VV64jZjrCnAma7Wj36etEPs1JyOQbgZJey6dH7tJvc9pQ9qMSMmVKukFz2c4nNzlWwt9PrH7GSYfAKZW5kc3RyZWFtCmVuZG9iagoxMSAwIG9iago8PC9MZW5ndGgxIDIxOTg4L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDMzMjM+PgpzdHJlYW0KeNrtWg1UVFUev//3MSCozPCpYTLjCEisgMCA1mp+CyaQRsQGqIAMHzKADKgIiGatq3245GrCWiGhYlIqUrkEppB9GaFrqGhILZlmaK4nFYW57P++GRDNPcfdPWfPnj3v9zvvvvveu////X/d+2YYCBBCBpNVhCeTZ02fMVOZpVxGCHyJd0sjnvL1N3hcexivc/A6KtEQn6W6OcaOEC4Fr79PjjdmESskIWz84OT0PP3wDztUhIhzCLFdnpIUv8ij5W/LUf63+DwoBW8M3WN/A6+H4fXoFEPO8qYf7VHW8xghPo7pmYnx+6e8H0WI8mNCXAYb4pdn2R7hj+LY03ioM+INSe5VU1YSwqN+oFmZxpzes+RZfNbFnuPBEWvC9faiN+iX7Qt8OPEmy9E/5uUdWBMBR0joPS3J/xooYWWg6LtSczP7lr9d0z06ULt0h5t/4Oso3+0L7H57nbhZS0++9dv6TN/5ZnbPu3ZNg5JxLFrWp1vYxNUREeMUIJbg5UjzmT9F9Jw9qrS15nmFwHECjuUlryx4Uj9jEfqpVlcpHKkjlFoZoGMhgV702GIz+moGR1xQlpfmtcbWVoqCHVFh60CcsR2OBDIaCcSDeGLrhQSMmDe2ASQQ22AkkAlIINNJCLazkUDmIIFEIIHMJfOwfZpEYxuDBJKABLIbCbbP2z5viRxn8cbRnB08CwTzTvzQI4EosXXH+X1w5iAyBWebifPNJZEkiiSRZJJK0kkmycVslpEf1VWSx0xiDPkNamAS0ySJJyWJeItEBsm+I9Hb8YBs6G24dPrefD8QrLCa0DthECbDj+RY+oDxnm/pswqNsvR59CDI0hcG9EUyjIy09BXYIxiNJJKGXkVhBJ7CcwYxkrFkKkYknSySIpSNd1LxOgP1+EtRDL5LSt0vp+6X6zvff9w0fJpF8lBzKkYzBb1RY7QTMUdsBj9kAPYScATTmIrPjXhko654YsCsqEko6klEW9SYnXSkGiulT5dRukrCM7N9KbaLcKTNA8wa1D9rJM60FOdKk/xOluyIR5l/bca7vU/EsfGStiRJIl7ySI1aWGSzcEwC6k3FcWqUz8TZ46VnNpglkUzt7bBqFK/ianMhrrimArAORimcHJ0D/IN0gR6e/s5OjgrtKA9dYBBoIUAz4NplwDhFwKzwsJCQOWGzak+erK09dcrk3sZvP9f9cm1LSy07QsLDQ0LCwrmU/Gxjfr4xO7/ydH392bP1da09JxRDWuvrz5ypr2+tLMg2FhYaswuwAvfSa7ygsCdD0CKNB6cLtA/WKDgnR3teoKdKXt24BbxWrSqi124C6oHD1y/Tx9ra6KMoWUGvcV1mSYcge10g56lxtndy5KwqViHAa8vGV0votSvwSVsbHLl8nT5+9iyddpPtRgbaxk2ANWync9CoeK3DcUi52bII1tBm+iLk4ohMqOM6uHa2L+AITSaXY3qJa6dtTPo4bhlM2vIMZekWFC1kO0lCb4foa4kzAaWHdpRCpWTBAyXRqIlKavl3UwsK0tIK8tNgNT1Ez9BWeggmgyd4wGSuE4adP08v0vMXL8Iw+jI1wEYwQg5spAac+wImUxBbWFZxblHljgaoNFchkr4FMZABkd2dYMMfCQFFSLeO3kCJckKEdrRoGIsvDoZJgIlEu6xUkyBALWCerbhwrri7kdOEznw599mTK56jK2AweK38AlzpeXCF76aunJ66KmwOhHiP7Tyx4sQ+FoV1vR3CFdQ7hr0nwMlR0Izy8FSNBHOheIPO3LlrIr72tddpFa01XliS3pJc8tbOt0rLi19ZvzLu4Pzsb9Ox8DTreXfPw5vOXXB3B6+g4LREfWpXTFzU/Ee84CG1+qNDa3ZijIswxlrxCsZ49N1VDCofYPPhdP7EybEv4P7O3PkkhD4pCZYuqHyy6pByamnMeRhOP6FdtI0ehlyYkdzAfbfGAq6Jdo71/qhu3Dj6S+tV2g7rIBWyYaeaZRgjr/DEDFixHmh4DUjkhZmmHQtoIecFRzkvWmiqhJIvQUmvii23vTl3bh6LmR4tj8WYDSfEfSho+8xzkexmNY9+BIuxaT8U0hfpHKiB3MIf0hYfM37V2fmV8djiecHjYRskgR62jQ+mR0On066LF2jX9FBmVx3aNQHtspYqT2WJPmjUgot5VSgEL+Amru+81XXZdB02QySELUvV61OX073INKG6Z8ml9nMXQRufk0S7du6iN5Ny4pnVqFk4ipoHmevdzDrBzpTNJZtKaJHYgkG8RNtMay2jxRs42nbgaBwPq7nxWO5Fps+YhOlTbgLGJY/JSLaL66SqdmBSrFYEjVal6XejjiuCh2EcLs8OSotgdUvWihVZqOXSTybTbeEgXWBYtCidadLTFoUeI2yHuxwRtX0rToX+Y5ZYjLFW2F7BbxhJN1A9lEAyLIZNp76AsbSYduxtOFizr6HBFbZAOt7fSlNocQ/9UyzdqxBoT+fVXhB+6gQB/cTsi2lSHfT7aSMupCpaRJUsIt3hQjUxj5PqRcHGDWKlYgNr4CV4EdaYTlGd2NJdLYTf9kbbo3FFHRHyUcJ9QF1PBHeVRofVwjbj0ZqAu9YUV561JGZu0npIpa+F1Kx+txXsYNSJ379i/ORp48Uc8IUh0DVn9vSwYoPXWtPqHfq4o+VHDox4OsLHB1QjHv6ZRawKa3K+whHzNQKrsm/N4ty8tIwwfjizpxO6xxNjXp4Rt/X82TW5zWBDbzTn1sympaC/UFlWVrnrzTd3cS0JcfQDakJ+EJdQjmoxAswvHfo1nNWltELNngWrBqwBQRe6MWLzzp2bI1+bHPnOM/Q4fRuiwDd6tzCRfuPvt+f11/f4j6Nn3dwgGJyQwW5oeyzaPhQnUTLbgaVAChRTGeDvzA90ZgfbpWdX5zbTG2DTnLO/nPmSnZfH13HRtzrLE2MhFHhkaFzP58wbdphzItqg7Y6snsBJI+1vAwxXE9GcD9Gm58MhW19acrmwCCvgGN0DT8AosIaJ9I/LFqY8p+QC9CtXTptOO/3GgQ5cwB4epQ0b9YW5GcwPOlMcKuShF2PMO8MoogtkLrjoNGyWOzsrP2C743egP030FxjclFs9G/3bTetSP06cXxOzt6Izs2C5Maug4GBCLEy73Q1TYhN39KjoNdqh1oBLkK60gldUbC59s2LT5gqpCrCxV7BPwAPquQr0LLu0VFjYXYYf7L9h2bwzUhonjVE43uq0PBPtMVrSDqTRqfCDhTnfTJsTqydn0Z5uGaJ0CvHJWsV0z30/o+Fz7m1TVCb8uTjjIa3nOyWmVmFhRULcFUv0PVGf+W060PX+ha0k3OFlhYXLcgsKcnFxzaAf0nZ6jv4FZvH5u7dt280OIPQz2on8DMaDI3K82Va+E3Xjt0K410gXvtM3znf9JmbhjP2F9o+M4X2dnfZtN/UICw9kJPEiyqdhVSegvOfAqnYDwfneV6EvqsePUahWcDGeXKBPfCL+cXA4iK+e25mXCxd/l5OaFmp4/OdDv/QknsFiv+rnF6Dz9rEdpC3bvb9GqwVlYOCjE/x8h1iPLN9eXTWSxRlrka8Q32C7pVT1Kkfnx7CDO4RKqwpQcQGwhG6YFHuANn29r7pafIM29BLqHh7cS/Z9DWeBwCSmpQyjqxAWsnXpgJ47ss3RxWx1/1LyKIMUbqjKeRbmi2V67nuGhqNQw1VlxdDLPmuXuWo9qko4r+6ycpYxIG5YATaoE3d/3Otcge14tpiXT2k65J+/CPl4rqQv9NyiL3ATOS2tgTmmdtNhSKBvEACDcIUvV+hZbaGMlluLH0A2fKzQ0z8Q/F4lrUWF3t4Dv00RpRV+Um5l3y17W/G+Ne754/reqp7a4AAp5sHYCbrzhlVYaaw0Q4G5iR3zUhatFzRn0du05InW6ARA1EavDsN3rCKrecHcA4lF+8dyrlHUgWOP3vkdbfHfszLxvUj2JhavNw51G/Gw2q7xBnDsfRwekb+0UTl69BA3VeOKFRER9/seFiYxjayVuIXsIDXI74kJvPC1zrj9vmxE/p0bidQhI+5hDrdLYj3yr/cjP4SfxC/mt/LNfLOgRLpLDEDGCOsk7hIuiDZioMSn/i0m/NeYIVOmTJkyZcqUKVOmTJkyZcqUKVOmTJky/0dYJzQRfd8fwbnPf/2HcWuBTO3r85VkLx4V/dc2xMDPI5l4Ps6uxWKSgMcFPMrxWNc3DvtFD/oPUYpx0n/GELGd6BUV7Bdo7C8znxXV5vM/g9hG6hQD/BFzzbr6dD4IRD2JFmtJlXBQOseKBhIt3ce+FKOD7BcqS7wsfbGaVIlF5nFSXK6hfCNJ408QV3xW1q/bi/0Oc3/cL/b/CQQCBvJ/hr5cyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhQ4YMGTJkyJAhwwyxuLf1H2Vt6HwKZW5kc3RyZWFtCmVuZG9iagoxMiAwIG9iago8PC9MZW5ndGgxIDQwMzIvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMjYzMT4+CnN0cmVhbQp42q0XC1SUZfbe/zHDS0QYIVNhhhkE0wAZmJGQVwoq+QKNfAAyvEGGYRxUiJSIzHwd01RE8RFrVEbqmm1m5bbptqa5tselMnWtZTuVWpm7HkyYb/Z+Pw8f2TltZ/97vv+/33/vd9/3zj+AAOAFT4IISRMnpKSK4eKDAPgRvS2YPjMiqvyL3xfTvor2mflWS6U0XloBIETSvrnY4qgENQEA5/cqLq8pGud8Yh2AOgzAbUtJoaUgNP6fKXR+HNFNJfRiYJj6WdrfR3tDibWqeoOvnAYg8ndV5bZ8i9FmyiH5XN47Vkt1JWwXTxL+GS1thcVa+MAnKd8CSN3EM7rS5qhyfQxziXaD02kJ4AaCy0XecL+yxWkwCqrJP767dbmBRBzguk7rM+X8zy86obay4QA+us4lN1b6hEMB+N3Bka1IFXIOpfywLGT+wHHXIchNIXwR2fxY37NzSfdln3C3TtJHlvXJljYJ74AMIBvlJjBhIH+6UsRPoUjwJZGebqIoSp6C1GPHrWtGUUoB6MjTGpWGaXCr2ooduYB/vNjZZzP52nMJ4E06eRwGgS/dDQQIIyCU7qMJEKIJEEwQS/cJBAipBAiTCBCmECBMh5l0fxTm0H0eZPV4TIuiB5reKGsompQ/CAQfeuNN1kVAMsmbDOmQCRbIh0IohUpYDDWUGZ6ncKKPV+gz++nlsBCqXS5Xxy/DXVn8bZc3DPsV8BBBOWzrhz13wffwPUbgBLTjM/eEEwRd2CXE9UKGAhbhJeHvokqMI8gWm8UTYqfkRTBamiKdgqI+E4UPf5trogfkCFdccf+HKIFqjKuWP+WLkKbaTV101yXc/Pm7O86fgjTl/FEIkhdBnqoOVqvGQPOv1S8XgZ4/pSNUh3xv7ZHXr/8IJN6Ou2VConyAVh2kyYddV5R4XINE6ShoxDMwm2i1shnqFVkjXW2E80tN3U9VLLlT80RCSy+O4A9renEB7oOqXlyESKrrHly6DZeJZ3QvriIMiFIIZVTbmbBIqfEKcMCD8DDYqKoKqKvy6FkKdqIWEk8h1b6D9jbi00IU9YcRzHfI0PZL0fZL0d4l55fe31vOeOKuhBrSXArFUEI+aiGMenGkYkEkgZGwPOLgGkuJ7qC1kGRZwEo+aql/K4g/nLBk0lZOz4x+WQ5lV0hP7ttiuhcQp8ev0Grq1zqLNC0mXWVKXIoVOyx05n/TeKf3+cRrUaQVKicsikdaksIjX0k8PZHLp10B6bUSB6d5UE3w3yVfbOCzz08n6vZgySOsERvYUkBXnOthsUZu5zQ0ol5Y/033nm/k9p+s9GtEfSSvIJqapADSSVRAFL93tm1ki8QpeAjd2Abmi+vnog+7KrffHCUECYl8nqe5OuST8lWaSBDijXotDIr2NZsMxij/ADEc9cEwSONvjDKZpbOr2EJ2hm1ZaGtAe3vVpZqE3PdtX7Pj771S2LE2dUwUpqHP6xjfsLXVPJadnDyBNbPrbccmT6P6pj5WpZF9bhBAKkUjVzJCjzqtFBCIgzWCWiWNRGHL66twAD506gSLwE0YjMG5lryXGp9mv2ObWZl0oNuO4Yh7D6A+JT396w0nWdPj1izuAUkXTvdGhvs9DevZBVbHnSTdaaxd1UD+BdAvE8jkYfCI0HCM6XGSDPEB2U+HZE6/pwko3PD0H2I/nlFRayurR8u3+AAuYKfZ1a/Yeoze2Xic/bhjreP1xHHJQxET4tO71r2JKfU7t7E32HX2AQstZ4el5v2HWBO71nbEMn/ev7iVQRTnDLIjlEeAB1Y1WOMfhNx/0AUbQv0CkZTHRI+IQG4e6KIkOSPBfr70uRcm2nZ88BZbxz5cz75cGb+86/GnX0xbun3vHizE8Bpwya3s2Fjz3BnG2KGhUe9u/jf73BSDKVOnlM8yx2tDRx3e+C0OCSEL8sj/bqVKlOoSdX66Zjk3lvlcYnWXmI/czi50TZMOEOdqV4dqFnEGKNXkTSYqgaFTAui0hphok5lHea+He2nJms2GvYQms01sL+tkVzw85fbupyLThuVZtr8t1nXXsz+wTzs+M8yJ41Gg6aw6RJJV3AY/nq5mrHhTKMO13W+wGLm9a7eUdZMnFPSuDqlDqqWKpi0q0SIbEjFE1JmVLMZEG3RGSlYMz51K7ZdA8fMfrFEJLc+sTJ9YsXGIGzYsZVsDZx9z7HwbH8GxZyQRl9baPraYKi8v++maO96YmR6furxm5ApnfWvB/BfXfNIxzNtLfnh8eDgOGjb81X3B6fwrhexoJTuG3Z43Hg2Rd4shpq9bpNbYSWvG7/vHqmWzWiab5xycx26wjtI8K95/6NGXpXh2PjLq8puL6qPGsHNBQd99vhKFYntFEPeUd2AQaRiu1IZap+nXoJL0PdHmGiTyLaTfXdnNq/uw0NBg71plbmDOZ9hN1jHvsWIM2teBnp6sRRRzM0qfDxVUsaoAlbV8wnh2KTLi2oUnfyyofuLaqbA5tgFDB8zIoa9rgf/KCe0q/q2l7psetIZgyTnWRLVYEssapdyuXfQ9eJ7icYu7p9usWML+xppUmp+u9FDVF8kXnrO+hKip0symXrsJ7/eBV6Ba4ZKlmWcWbn7N3X05a7SL9yeaitcFlbNGx0CvBHP+puHlrOlzLNHNOlJc1Sq2Fle8+Fzg1DHOTGHSwCf05qRXtjvPCpMemeo/NnFfo/OslLt7fu6SHlvkOLJlCM/cPdWScfLI5azJ7jVgYrJtZ1Cvnvzj1m0vuwt7uIbY6QFJqa81KWItOS3Pa6f1ZiyGJHtSzm7VJokXlSzRONMH9+ZNhNUHLdm0km5i4NzMInbp1U7WkZVZgIPF2u6jZTbnsdIKBHau7of8xdXs3LIfC6qqKcSuKyxTLiMdfkBFEsKT0m+zWqn/2/XiXxxsCz5ItmccXPDu+amT5n3V4HgBk1fty5+9Yv/8FudBlcfuvOyrp+v/U7DsqWzR7Pooq7TrWNEC6ImTlEWaBtFGKfDbIhQgDQ+ZG73yDW2REprQie1P+UXqxIjB/vtbnd1S7ntldkkiGRrqklqScY/pJulo4t413Qw6apjamNKPs8scSTnJZ/eyv7LvHFeXmiwXquwLkwqS39uNQ1HtuEiNcykq2mwMNGi8wtfXHz1nMOCQ2IdM0YawwV5hzavePhFE2meTB77yjt5Mi70jK45wPiZocOn9jH7Cl/FYYWQbsiQxftJbRnamZY9KlbV/zIEEeQd73wVshI+/R3iYC559cliSDs8hVTDJrqVcO6RcLnvoXcOwfxCZVjdgsd3LKzXZtiuwHIvPskZd1onKppfd8KDQ5nwrdkZAYmpbkxDatWu3Jbdlo34aj3s9/+YkybdmYT2mrcdWXOCsYMul3O5ronfXLuJ0tRFnDnF6ArgjZ6W7SAf+zD7FqlbU43Im4Fi2ej87wmqFeEHPDuIU50XnnzCP7eD/aViqXEfnB/Zp8sZRaFbG6QrM2Iprsc4Zt+TErrMh9tmWETpSfUN06zKdrr8clzbuvz7fvfgKZW5kc3RyZWFtCmVuZG9iagoxMyAwIG9iago8PC9MZW5ndGgxIDIzNjMyL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDQ1NDc+PgpzdHJlYW0KeNrtOgtYVNW6a629ZwbUiMcAWikzjICGgTKM+MhHWoaKSkZaaMrwEhVEndQUDAETPWSoiCYikIJyRuIokoeXJL5AybKIktBrwi20TLmdvCrMXnP/tWdQTL8v73e/737nnG//v2vv9fjX///rf6y19gjCCKGn0DrEoeBXX35lkv1u+30I4UvQ++G0l0IC/Y7bvIEQNx7av8143ddvsenLozC+HtqzIuL0Sx3dB/kgRGKh/c0CvWEpUgAixOb3WRC7OnptcP4QhOQ2CDl4xkTpIz1OtabD/CAYHx4DHU/lOf4G7UHQHhgT9867ms3qYQj5vAhFGRsfoT8Y9rdqhFyHQukTp393ae/TXC3QXoOiWqKPi1K/PeZnhHh/4PHN0njDO+YWFAp1GzYOhSAbRMxmWB2ss/f7XAjyRjGoD2v1ABvEA4UI5ots/mMAZijiaH+E7Oidbztfs3vrDzyAu9hD5pWfjzXsm//0i7eRm4048sPQnNnd7zvfmoLs3rK9JEol3bx5O7wFyRCSaWW7oDnA8ua+Q9HEEVj2lnOcDU8ID7ScuCorBEe/EonGI5WqWK6kSpytiMNtYQibr5i7dYa1WoAgZ5jL7GADiFEvQIyeRq7w7If6w1ODBsLTEw2G5xBAjIaiYfDUAmKkQwHwHAmI0cuAGE1C0+A5AzFLzEFvwzMcEKPlgBgZ0UF4HgXEvdf3Xm+1FrGuQGnxCLx5dBzeQ8BbPOiqQh7IC/mjUegl4D8ZTUfBKATNQnq0CK1Ea1A+OoSuo99VxWaz6GFGPQQNBxtMBOppQD1TpI5Asehdkfqahdrc9id4woI/X/yjX/8EGPVzsI5eaNAjY8HoxT5IcVlceApEaRh4uMkyxOo9obuNY6z1N55AtB3wXfkEOoZaaMXI7q734PFQf2iP9vIHdTICoa4MqL8oTlNAH3iQtwWqoWiKtY6RC/jOUmeZN8Ra53r08z3qMtTXEglQl0MNQVxFgaf14MMV6HV4L0EGqEdBRBnQQhQPbRXyQz4QkQFoArTj0eKH5qjuz5oIY0vRapi5EC2AnH8HxgZBXAwWOQwF1EItHChUwGkhjBugLAdeehQnxuNk4BMBslQQi7GAKoitbl4GsRUFb6bbSnhGAmWvJ5A6/L7UEJC0EmQtEte1QNRDD3P+dxIfXn0E0OpFblHiDL24IhVwYZZbCjThwHch0KlgfjxI14tjvcAXy8xtisGyDtQb9gQN5JUWfOsud1a6aP2G6/w9vfxcnJVyjbunzn94z34PLdY49RiTfTU7ImL2GxERb+RWVu3Jr6wy7ZwVET57dkQkNyzfFJrvlltdlZdXUUm2bl+fkpWVkpqVdKmqqqWlqrqF6LNS1m/fvj55R9K9f8ifaqk69n1LdeUliKvTnBHHQ+7A3oEdNA443ihrEpqIN8u/XLMjPoko2z8DtM6cxqmjsSB5Ji2mx/F4Nh6Jr5AkksrmOqmd1ZHkWeFHkloAIy0wXAIzOXGmpqWxkVIxo80TSKlVGqyO2BiFuyDwXhxEdZq5jc+wWgnsQxzsHbV+jg72xMsPOdgjjTt7kvScPXvg3549XdiW3unqonewrSyYnqefQzkPTLXYH2vzqYFuoGnUgDfj1XgN3gyyr0L+h4LsXqCT2kGm89A6gNIUT6G7cNQ5PMVUYOQNgeWBnU1GoN4B1FNAm+cQ8gAy3XAUMBaDUzTucoVuLNb68eAXhRzhTaTWFARytPppBzbMb3x3zTdvXsPKV+b0o78bjcZVeOuouJ2TV+2YMPHzYX7XTswtXNqf/gL8c2C1BuA/iJ1K2FnJq909vXQDsMX13lhnqTwkjhu3dR+9QK/Nq1sUUh9XU1dRWHI0K3ffR6/XLDecfesn3OdDzsPt1JbLv3l4nBzmtyNjfdb+VUsNCQM9y1Sqr0oTD7JTIhLWVQBWIHA3QbZYzWkdwEHgebWOk1OCqY42NZ0V5sk8TG3ceZO2iObjsJNsZgZovEP0z8CH4xc7+2CNO+GYmshZiTQq5im1nwsp2JiXtxEKtg3aHVTf+PTo0sVXsYx2tFKB3sTB+Nmg3dzoyr0fV1V9vLeSrC4f6El/o7dmv01v/fIT/Vn0XTguHMAipwj0jgG95WKsYQ1WF3HHhdZGTAWtrGlWZ7LMG6IqHXRMF3XUIN+HtfTwAfcN1Ir5pBAtrnEfCFnl1E0ApibpWwoLt2zZX0gLU7Yi839coVuTt+2jd+7coXcKArempmRmpqRuJaez09Kyd29Iy56lKl135MKFI+tKVe5nMpqvXWvOOIP176SkvAOF2SwZ9EkDffoymwWI7nV0sgNrIZ0/0lrs5O6Ju+WDsleDcqaCpUaVxv5Au7B9K+awAz1MfwzKwWOt1nQDO+GnsOOsufjpX37CLmKs59E5A8jOblsy2R2w/pO8BqyisGQhc3RHYyPLRV5DWcbRHMUy2V6wFtwacQ87YKYi23LAXK46rYMY+V6eA1k0yomz0tHVhQfiAFc5M6KXJ9H5OwYMB+PyrmBZeyQjnR8mJmzesmZ1BlG/uHtB8XcXDy7IGZ2xrXDc+BjadCihNWzPYUPcQqzck3wvJnQtbf6ogpavW7dh43vJeOaxb/DihKkz6Al6jfTL2Ffw4QeFBTRw2uR79fWdU4NSBZXLlcOLq4NT018aH00/rc2jPy+KiZv9Wrx+QeratXjysaN4ytqktJL88J8S6D16QQ4rtYf7QYwY9b3EqGebD6fmNKSa3iQeNOFHMvLrjcL8jU0yO6EfV9LpjZNoMkSdwdwm8wL/9QP7sCi3RvbwAGe7+w0XmVd0e4oZ0Q5sj1FKe/SiX9fTT+gavAG/vuFXWXjT/Hm0jl6kzbRu3vzGwECchxfgGJz3KmhzFvQ6BHrZIAe2/1ojwkMtvgdjnPk71mE3epU20AkwrxTvoDE0mOplvl2rcF/sg4dg1/10J11H36M7QF/gB/HfBB4Vd2QHaznLHRKeIXXCSHLXNFbWZKSTjEKb0UqvAXrbHvSas1yosJQEC4fOMdJAoxBgocSZlp3bSQs052CwUzwlYETuBiN9GA+wLTtFNHCWnMUv4LU4Cb9wmiY10KRTsiaTDXe301vmZoK7SudV61y4kVvlw/od1OJEe7LjFO0QFsGcLjf+aqc3f7XLDVnsxW8W7eUk2ssSsB5qtj3y3jAXZ9LN2dmb6Qhc34UxNXfRczJf4cttaRu27W9rudwqFFmtHgJcnNjuDruvq5OG88FsuoNaxfaH+5y5zS8ljD3f/NmU9HcvncP1GJlShU10W1bWNlLtsuU9GoOTdoQLm2RN317cXElmCDfTUlPZ1wo7y/ZC3HhZ40ZMbbfHbPS+uHtb4gMNn88vPLJq/5rW7+hl2r7o1rqEG8s/qU7LTmg9h11vL/xeVnA6YPi6lRFRbv28m482/zDU98Irkza+tyTRre8Lxw+e+U9PEGbuBAtdh7VBznOiNx3Ucv6WcLNBuAne7GySiT7rzgfYTSEXbCEdyBThTCNuxt9/LdSB1V356xbvGvkOskkezfxuC27F8fiZXbRSHk3/glcyjyTASl/gEyCvPHrst2NwgINGd38XUfc8yVxIzZXi5PhdFeXl46o3FjcIXZgc2Bl2NCSqJvQfHUQbnRBuaC4bHCQkG6P1tXuPHXdMSvfxMXp5mZg+cJfi2kFev56W1Voz0t2akVz79D3BR86cORK8Z/q0wrcF+i3EovyNvbyu2Nu77fz5Nm9v48CBeCzsc454lIatA/jyoXIlWOY5MbKs6sMtBIHKPTdHbm95+ajDiQ1mZG5IPCzUHdi2raho27YD3FEy796Nokg9fhnbAL6sp84N7e0NUKz8k0BvJXqWaa4WA+DBNgInp0JcjYJPMpX2Of/3RXXhERcW099pHR5sasWKclK4MbvCjswLranz9y95fggegXthJzyRXj61s6wkl9kGTjxyF9bAcsMZePXHlgjQ6LTMC+TuoYhp2Jd+VXHoUMkxuXJXcExEhsmX+ypjepV4N1hGZ/GhoGNv8VbSfSKBnq725EHUjsFWwzhaTgdub2HW9sLC7VmF5ZR26otfey135qdlI0sTvzCZvkgsHVlOxtRfulRfd+nSL7SVXu8/4MiQ5499NiciHI+Cw43Ho8IjjEx7OLT4SKv2oLRFPFTY8cPyI7I8MTGruKJiwpEVtWdIgTCX5Obl1hQIaXKlkBsVeYutoBbmrpYrLWce26fYmVdbDsCHdeXLldcRMbfQWSJNb/hGZzRKufW2ZaHd9+mkYQuDxAkffHs8R79LPug6aPeAs8gXeMqV925Y9Vb0B6u5Q0PU1Lmn9g+W4WxZxuBXjqf8raZi+YqM/RXLV23eX1Ex7tDqNQe5TYkrb7eyRX2cwxZFcvfu/myfkMaHlSwIT7xvH5DziH2c/8Q+wIKZxxKDK0T/uv7xC6THDduwvfhgVmZxcWYHdqQ3O/6L3sIO3JX2s2fbr9XXXc+h9fQG/RXCciREnxKPAL6VEDcFwFfMHY/7KgE3AhtAz0DChoqKUYcTPkdm8+cJh8kIyJ0DrBQJJfJexkg9raZ3Aav1+Jfu1HkoLp97zD3FmqLsnqLBvt3ZSAwPcnRUeTnxtfITSnokaKTx3n9bLMtNAf7sDLZsKQ/M6spNcZs8JOcA6F35vpPPc1yZo0NDjVAKRo2OkMlgdjzsSHUw+zF7Pftw++Nez+5UXPr0otBNm8K3jztVeOdi6MnY6DP6lA+iDo4/+NEPX0SX8eNKBg0KCRk/WW33/K5NOUc1mhqd7q3XpgZ7PD0wKyW3eABIDQDD/CbLtUQDS3Oly2iW9J46lu4OeBVOoO9PNRw71rQ3LU2WS09kCPmbpmfnfU3CMvBYZtUSiIY3xXhSQkxDmlkMe3/r88QlLKI+KS+feHhFbT3+EleS/YI+L6+mgCR05RdHR3RwRaDJGIjLJD5MvJmLR4lmzEk8D887Sed28mGmEK64K5/F72igWw10cDexJRo4TGzZycNH0sXY2EwraWUzPkKXN+PBeDAfJlwRanE5DSRTiAtdhjOYHIgCJgeyVmaHLTk7DounF8mcvj0xMzYoRKumoy3CY+rXZAduCOGnm7ZzsTD7TfBxC8y23HTYxqjD6mXcIiGIlJnWkjIhig8rMrVkFnEeYJuT3ApujPgd8cwj3+qu3Z4FXxIUvGRJcPCS+BnjV3r7+FRsSCsrl8XHB8+Ii5sxY2nyMJ8Xlk9Y//eytA0QYhgb+JvcTMtZKn79ptfRyl1wlG40my3ngzza0RMFImSvQBNROnwtP9q/skf/CrF/JvTLyUYDs3EtSBgHEuRMgpPGS6HBR7ffTi8rS2dibt+2fINbvrOH3Y9XhVqhtoNFubhC5cHB5I44TYDWn61TBxVHlmV8xpy/Ru85pyIvBQg/EYwJrhlB/6I6tyf6r3Peqgj7lTYMagxIx/hEQM4gPPxGeAXcfxeG1lcl9PXRqHz6JlSdC13I7sDumEtw9VVpfF0TMMburz7217XpgHPvYyxajd5Hmegk+h5Ovkk4AnAv/hQLZDQJ6oG15DK5zD3F6bhpXLiI8VbczBUC1gPe44fzkwHnPQaX8PsBv5YRmT/cEjNln8rqZK2At+Qa+cvypfJ8+QX5LcXziqmKeEUq4D7FCUXzk6INb0XH/yccYPP8Y1EnoYQS/lPjqxJKKKGEEkoooYQSSiihhBJKKKGEEv5bYiZ/HkV3/whO0h/9YVyRjZaJY1p0+o9jQJ9L2lAkvFtIKUIyV5QG5SqUHVByoEQyOnhnQCmCkg4lGWg7HvcjvA2C+avZXwzAnB3IIB+Mzsrs0Fk+m/0dhVXm3Ad1BvJ2oDFZ+vhGy1uWAX1KlMa3sb9RgLaV558Bj5CRb0cJYj0aLQMey/gbaBn5CvmyuswRVZKRqJaMNLeIukBd0YAqWT//o0hfyei4KdD2RvGcBgXAWAlfzf7nCnhWo9GszmvZ/xE9Ysv/E4DuJx9uYwP6NwLmB1aemP7HJ6eVQAIJJJBAAgkeuVfUSlaQQAIJJJBAAgkkkEACCSSQQAIJJJBAAgkkkEACCSSQQAIJJJBAAgkkkECCfw2QuSL0PyOsT6gKZW5kc3RyZWFtCmVuZG9iagoxNCAwIG9iago8PC9MZW5ndGgxIDM1MDAvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMjIwMz4+CnN0cmVhbQp42q1WC1BU5xU+/33sBQKILoq2Arvs8rDII67silpIVChSEQREQEGWXd6soDxXStHsRGtNggxEE0cMGELBqEFjyGrQpvHVlDAYGXxUE6iPSdI6rZOZxBd7t+feXV7GZGym/5m99/z3PL5zzj3/uQsEAJxhC9Dwwm+WRUVT71NHAMhn+DQ1PilkXtHxIx/jvhz3KTqDtpRup68DUErcv5KnLSsFDglA0HfOKzbm8oddugAk9/DXk5+j1StP3ZSj/WKUq/PxgXOnZDbuZ+JemW8or849zeKeLhYwikt0WsUZ3z70jz6gx6CtLoVm+iPkr+JPtkFryPHvX/oOADOMOm6lJWXl1ouQjrIHghx/FDgAZbViNkJeGfRKCIR8zE/YjS8HYFADrN/h76po/8OFFpyB9wRwefn+8MMTLtGgB+kkjQzRK5VpjlPWG9dPWfwdeDuIguHQfWtG7/eHLSqXaIedtshGfTOuZBewAKyKfRPUxEu4W6PoK5BLTUOXz0lommaeoxhbHOMrITdKj09kYJS48+5kL2cgt7KA/Hno/mjMmKttUcjRYh2mIRFQIhGYi0RAhURADRq8hiMRWAYxeF2BRCABVuF1NaThdR2SmCX+sGLgbq+sO1awGu+/ADd84oQRhcCLsBxtkyEFcqAANkAlGPFNwARZEsq0KDPAJkFmvfV0euJt/Zzl+gz0qydowSTKEGkfHEU69zQiDiSKVJMPyLc2oiR2iqUq7bSHGqQJPZeOFCmT6YPc0QCpnT8/OeqYtRD+D4s1Wht/EmcddsiPLGZgXMa6gzNzC1JtPqHlWfGZryAZbWOZXMjEeyZzFzIn4YdjV05YXC/EsNMmP6NjIYYJBA9aASaUVTA9MJYT02PtE8zwhGPXMo54QEJhm50nMANK7TyF3ZBt52nwg8V2npnAszATT5CNl4Aw/5ZhnxdiP6dABXa2Fju+DIIgHj0VY49vxKc54lnYhM8LoATlMpgHwXj2NJNsZWPWsiesJ++ebrMUPZeCEVEKIA9nXTnKAkAHc0S0UCQVctmoIYMlqFOONuWonYP2BpwGMjyZG1A/GLkXEa0Y74ljvsrEXQ7ehTwq8apHTadnQFWPoSYjUiViFYo1yBPj0KLN/4Y4OXsd6mpFbzmihVbMSCbOHRlGVmGvnA53esQ1iHNnA/oh1kLrErqQHRTmGVERBWU+NnL0KDv40IBfDuwd5i7KONQUpbScVjgSOfXtHTJ9IMKSNTBId/AZlJIdfBRI6vitrKtlFvYSngXKd9wnSe/lv+gVdLC3UMb0o8xJ+H4Q+bwZ091BrqAVhFbNU4fN90NtMvDZZf4sf5Ov6CV9xfwhc+1GdvD0h9/z/7Z0sCGW/q62gnJEcbbeYgbYe+CPfrhgovCRTHef4U28iODRx89f40VsLkNIMAmbD4jFDPjnXMj44HJ8m7GvhW/mv6y6Z5xTMlRy6vba3cb+PWQNkRZdYtvOqTX7TTFxc73C3m68yd8OCb0YFd2xPT3Dz1v9at0Q8fRDdDzfbL5YG5DKOTlmKTcy/5FZ/mWFXgKWe+zgwUeDbCBq4gRgcYvnBOREJcWKkHb+0flr1OCNkVasygjLiJVJxnyymBp8R4GYEa3QuGJOfmHzlXOIJoIIpfGRcMiphJpJOFu+mKGGWVFr9lnVX1f/IQknUgJOFNVgSj+ll+VfyDjf7/S5+ea1kuzdw0qqzrL1oF733o6zt593kLqn6YKDD/r7H2qTp/3eWJeqv3Jc+LLFYhTHJO4wFXwxChuoK7EjRRBix6c4MTp/TkFU9PcvV6x+XbNwqalsTdOC8GjL2WV9pYd6qzbE9OQZWubJzSTETB1qaEuKT7pu+GPzqvjEvxPDuoKvzx/gL1auTNbrDiIegUxEjsX8vcfe5zgwZ6/FNFv+TKzvktcTUt9Sp2Tu2bvi3QxFQmfa0L3amuSb21buZcK6Q0Mjwtf8s3ZPU3Bwt1w+1H+E+FYkJCqE/BCF9UQ8qZCf72S3HlKhW0dTDRtNnk6N/VtNx5nK0tiTucXvBFWf4D8/YfnaVJ7SuGDRMsx5d9jCqA6t/s6FdhJUFZ+Ur6WyH94lXQ0HklYl3yjauS8xLumGDZlpwPwccY4CGfPPyn8sS3zL9DWarq/ZcUlNh410SJh391VfXqfQDRi+eVxrXHnFePofzlSTm8/Uza8dfqveb67bzjfU87sDAob63iNBlbEJtz8OLhByxm8EFSIR/q1wwonkFJwKD1yVOcjsb75ulrh/0/u4Rfi/hHpcJEZo6z/pWIhP8CrOVq2xVgwxmbc6OOjTt13yrjGbkEv9g8BdNyt++2nZ5ma35C9qdjU7UG2WddT+wIgZ6fpPWy311H7fyFlrcwSWyTqSnbdlU+Xv2t+Qx9viYLZjHLN+GIcdG1GZCtMJk6NT4fqmy/Ia8zWzb9zVqqa3HUWU5pCY6cmZ5zotjUxWl7awpUGZaM+PPo5+p+LG1mATsqEbZsfMabyh3CjEvby3zGuhJ909xW3oI8s5jE+bzzmgBw98h4AeAibMHA/70GEUE4ZOCCXMHKXQq6BYfiCl4U+fTOEWmWv4O3fSzlYqc86mb+/8Uhr5ykvE5au1h5nIIwEButW6MIaapirVHhv2UZ6ery5Py1rEuvkaM9+/5IXYJow+m90vVoWT02LXLCKc2DFqjVShUUlVNJ09m2+okkjiVp/07mprlUiq9nm+GWH+NZNVb2nxCXZ5YeHeLS95aORUVj2J4D8RqlKBOXUzWYLfX+JhHutG9DY2g9Q7sNhOjvnrm67aio3N19jmRHqw3Lrnoz1WZ/y1kyp+3NKVXdS6yysdvQrfjkH0ilNPKg49ReOZNmrmGYvpAZM1EkObseWItY9PYQZQawrOSFcSSDQIHImfAsFgZEtrbYN3YVzx0vAHZ05S1F/yrxTtTd5cxGhG2ul0+C+zCw9/CmVuZHN0cmVhbQplbmRvYmoKMTUgMCBvYmoKPDwvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggNDA1Pj4Kc3RyZWFtCnjaXZPNasMwEITvfgod20OwrB87AWMo6SWH/tC0DyBL69TQyEZxDnn7ShqTQg02fMzOarSsy/3h+eDHhZXvYbJHWtgwehfoMl2DJdbTafRFJZgb7bJS/tqzmYsymo+3y0Lngx+mom1Z+RHFyxJu7OHJTT09FuVbcBRGf2IPX/tj5ON1nn/oTH5hvOg65miIjV7M/GrOxMps2xxc1Mfltomev4rP20xMZK4Qxk6OLrOxFIw/UdHy+HSsHeLTFeTdP13uYOsH+21CKhe7WM65qrtESmWqK1ANkpl0k6lRoC1IgzRIwAethsZlJsEzVaiUqKygyVVDFoksFYfPgZBFIotEpUalrnAe4XTkrJFTwKfgUwM0C7KgHSrhU/CZPhNB0+jSrF0MfA00ARqQDBPUmKDE/TTup9Gz2eI8kAJJnK7X1Oii0KXC/QTuxzFdsU4XXQS6KEy3XqeLLhJdOO4ucPcaqU1O1m9TpeAGGsdc4mqkFVp3JS1T2vn7ptprCHFJ84+RtzPt5ejp/u/M05xc6f0F59XZowplbmRzdHJlYW0KZW5kb2JqCjE5IDAgb2JqCjw8L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDM1ND4+CnN0cmVhbQp42l2Sz2qEMBDG7z5FjtvDosZEd0GEsr146B9q+wCajLtCjSG6B9++MZ9soYLKj2++mclk4kv9UpthYfGHm1RDC+sHox3N090pYh1dBxOlnOlBLTuFrxpbG8Xe3KzzQmNt+ikqSxZ/enFe3MoOz3rq6CmK350mN5grO3xfGs/N3dofGsksLImqimnqfaLX1r61I7E42I619vqwrEfv+Yv4Wi0xHjhFM2rSNNtWkWvNlaIy8U/Fyt4/VURG/9P5CbauV7fWbeEp9+FJwn34Zs5ASSCuAolzIJkGygl0DlTkIGTJkUXAl8MnclAGOoFkoAya3LUemkJOiQocvSBSIFIiS4EsElqxawVIgBLk1MgCTUDzv6Cl6AUkQRJnKHCGDPXkXg9TKjAl2YFOgVJMiWNKGaYkMSWOCmKvh16kCBe138h2ZdtmPfZB3Z3zqxDWL+zAdvuDoceG2sluru39BThWun8KZW5kc3RyZWFtCmVuZG9iagoyMyAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCA0OTc+PgpzdHJlYW0KeNpdlEuL2zAUhff+FVpOF4P11gyEQJlusuiDpv0Bsi1nDI1tHGeRf19bn5hCDYk53IfOOddX9dvpy2kcVlH/WKb2nFbRD2O3pNt0X9okmnQZxkpp0Q3tWlD+b69xruqt+Py4rel6GvupOhxE/XML3tblIZ4+d1OTPlX196VLyzBexNPvt/OGz/d5/pOuaVyFrI5H0aV+a/Q1zt/iNYk6lz2fui0+rI/nreZfxq/HnITOWEGmnbp0m2ObljheUnWQ23MUh357jlUau//iXlLW9O17XPZ0HbZ0Ka09Vrx25FVGjlgosRdiLiNpMtKSGJmeTBmJhYxik1F6packs6OuBZWY5zwD0sR6kAKljFSXkYkg6gx1CmYGZooumi4KfQZ9yoE06BXkYdZzXsvp9Az0dNQF6gzIgSLa0wtdQB4nLDw9PC2+eDINMUfM4JLFJY1LFpc0mZZMjSJbFFGnqTOwdrBuqOuZkWOagWk6tAe0O9wNuCtxQhcn4BIKF7pYuhhmZMuM0G7QrlBrUKvoYugSmFEDT8O35OBpYOZgpkEWpMg0RREnhHICXDRcNE7Y8rXSxZdJo9aj1sMl5szmZXdXy4h2iVpdPMP5oPKilY3aV26/GT72ub0vy7bK+frIO7xv7zCmjxtmnua9av/9BdbPFbIKZW5kc3RyZWFtCmVuZG9iagoyNyAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAzMjU+PgpzdHJlYW0KeNpdks9qhDAQxu95ihy3h0WNRrsgQtlePPQPtX0ANxm3Qo0hZg++fWM+2UIDCj9mvsmXmUnO7XNrRs+TdzerjjwfRqMdLfPNKeIXuo6GZYLrUfmd4l9NvWVJEHfr4mlqzTCzuubJRwgu3q388KTnCz2w5M1pcqO58sPXuQvc3az9oYmM5ylrGq5pCIVeevvaT8STKDu2OsRHvx6D5i/jc7XEReQMZtSsabG9ItebK7E6Dafh9RBOw8jof3EhILsM6rt3W3omQnqaipC+iXNQGkmoSMUpkiwjVTnoESQjFaBypwpUgApQBh1iFWI5asq9pkRMgE6gElXgpYSXAroSuhyuJVxLZFa76xSZGpSBCDrcIHGDgM8CPnP4lPsb4KwUsal797b2bltwn526ORfGFlclzmub1Gjovk12tptq+34BzI2pcAplbmRzdHJlYW0KZW5kb2JqCjMzIDAgb2JqCjw8L1R5cGUgL09ialN0bS9OIDIzL0ZpcnN0IDE2Mi9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxNDA2Pj4Kc3RyZWFtCnjavVfbbttIDH3fr+BjgoWtuWsEFAFyqVujTZPGadOu4QfFnqYqFCsry0Xz93s4Uho3da6L1LDsoThDcjjnkJIkQYq0J02ZJUPKenKkU0cpWeMIUmopozT1JAV5r0k6ymRGMiUplSMJhfWelMAt6JQkmWlFCl8tJSkYNSaFZVLOZPghLT2U8KkFbmakrbSkBcKwBkrSmYesyAjj/nrxIjm+vAiUHOZnYZG8KWYLGjuEfTRJdqvlvCG5tXU9azdv8rI6a2eT5HnJwbIpizmLIspv8/kZbXypN9uFZX7am1lBYyhOCTdOvhZNOKwK2B6LfuaMyhyb6ntlpbCT5AgGAo17Epvi62ow2dqatOacvdWcFcayOdkXPhPW322uDfHlj+bVqMmbwPa2sZL/d7d560neidOcRdz4dHD6LUwb3INwmDdNqOetMPqazwrsPQq7VVnVo4t8GnD4nJZBhQh1TNlqRjmT+KkDpzpO3A+zIt+pfmA7kG1m+yq1NpPkjex7n6XO8NnMGyxZkI1rjsKiWtZTHIKJ8nFdnN9nYqcMYXbPpC7SoikDbQzyabOsETMN59+rAjsbKKFcT+CjN5O9sGg67FDy6fM/ZGVfW6Ox59SbvndOGkXiClcqGRQ1VvgONBhmcXiVDLGSqjaAj2E+C8saAYxCWYb6Tp8uS/tWS3i99imujKfR07vwo3P6i5vdsuA5Ce0uF011vtaPFmnf+Exqc5ujOnzv9rbqs3XUTtJdBtLrDKQ34cGogfNpXVw0VR3Fd/k5FB9OXg1Ptv/eC9/yj8veKJ8vejtVOYszBvl5UV7SRqskVm4mgzI/AzzihJ3u2HtKgytCKMoUmDIEuYvp9vwMWRDJ9mLKYUPD249jno8acPE6FGdfW9WoCecfyYs4eM2DGEFRBoUKtm47yWh52rTVZLjHN1ilkp18ESJHbt0apo8uF3AznH+pmJNH4axYNDV2uj2rTsNmclDPQs0U3BjOEG/RXG7C28VFGc45fMG8HO4dV6+Ge/v5BSVXs5ITGmt8jZ/gzMackQlHPzY2JVwQUHG0F2S4lnqBGxnwgMK1ck24Co/jAGkdp6mZcO0fpwCJ11hjYNF5jQGceQ2zVrJak7dQW17t4RlO29UOq7lDcOW3mY7/LkWQqcEMCUdoJQgbJtOsG3g2KRXWwj4q/dhgoeX2gyYDxQT9BVaNxcB3e0ZrYUcYqcz4dg+TG9jjznTnafI98YBjPK4+zItpNQucVEb+yzkkPrWf59F73UFulgNLFde5sYzcmDyIHPufdwdHg99c9w5Oy+LfZbiPJM6vY4l5LpaoJ7Hkvj3+GbbgVCIvtLO3oh5Y1SnDWgH1EeiMXjzRAOyAq6JVrAPJeFYA2DFQHShvgrw9jA7kFHmwBujk7DXYo/AbpJV4HKTvy/kKtLNHQFvJh0P705v370dHqyE8reSLZwKzfhKY1+zq+fEr22qfMSTxtDFWjL5Y6PHUrdHO479OySFlN66u1t9QaK7p2sYOwvDuqOBQaFPA2uGp27ITpoTKeACtdyjszCVuBk4A5lbzGmAWppyUbUOI1iJJpO5IYkU3BT0J5IpjsE4B/yryJuNNecrQLljh5NUkkATtzSp+G1BRZ7OOLBhQvNRVh+A8SYmQreBMsWt2iQuSZ5JyV+k6h17TOZR5HM3WoOGaWUo/hln24cwavT9893b4C7n/R7/gnD8Pw8yTGHbH7v4M0yRDKfLDdWD+yYJr4BtG0C2gj7BdwXzbFyLQ0YDGHci7VrAW3Sqiew0+/ePweUcuV3CaPgan2QpO2wcnTlh8HYw9h1/4WWqpwa/5LLWB8Mv9z/gP62q2nIaaNk5Cvrg8rPnFOBV9sXnzNW715W1r6z+Q1KdvCmVuZHN0cmVhbQplbmRvYmoKMzQgMCBvYmoKPDwvVHlwZSAvWFJlZi9JbmRleCBbMCAzNV0vVyBbMSAyIDJdL1NpemUgMzUvUm9vdCAyIDAgUi9JbmZvIDMyIDAgUi9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxMTQ+PgpzdHJlYW0KeNolzMsNgmAUROG5iOALQUW2xBLYEiW6ogsrYUcFJjRBJ7ZhJfif3M23OMmMpGWJdJPAIIKVKfcWwxoSSGFj6Uey8heoh0AzBdrRF1vYwd7ub28HyOBoXeIthwJO9nx4O8MFSrhCZa9vuO9n6Q+ZtA05CmVuZHN0cmVhbQplbmRvYmoKc3RhcnR4cmVmCjE4MzQ1CiUlRU9GCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:13.099363+00	\N
3	camille.martin@demo.tierslieux.fr	Booking confirmed: Poste 1, Télécentre de la Maison de l'Emploi, 22/12/2026	Hello Camille Martin,\n\nYour booking is confirmed.\n\nPlace : Poste 1\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 22/12/2026 08:30 – 12:30\nBooking number : 2\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-2.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6UFVCTElTSA0KWC1XUi1DQUxOQU1FOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2kNCkJFR0lOOlZUSU1FWk9ORQ0KVFpJRDpFdXJvcGUvUGFyaXMNCkJFR0lOOkRBWUxJR0hUDQpEVFNUQVJUOjIwMjYwMzI5VDAyMDAwMA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZTRVRUTzorMDIwMA0KRU5EOkRBWUxJR0hUDQpCRUdJTjpTVEFOREFSRA0KRFRTVEFSVDoyMDI2MTAyNVQwMzAwMDANClRaTkFNRTpDRVQNClRaT0ZGU0VURlJPTTorMDIwMA0KVFpPRkZTRVRUTzorMDEwMA0KRU5EOlNUQU5EQVJEDQpFTkQ6VlRJTUVaT05FDQpCRUdJTjpWRVZFTlQNClNVTU1BUlk6UG9zdGUgMSDigJQgVMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9QYXJpczoyMDI2MTIyMlQwODMwMDANCkRURU5EO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIyVDEyMzAwMA0KRFRTVEFNUDoyMDI2MTEzMFQwODI3MTBaDQpVSUQ6Ym9va2luZy0yQHRpZXJzbGlldXgNClNFUVVFTkNFOjANCkxPQ0FUSU9OOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2lcLCBNYWlzb24gZGUgbCdFbXBsb2lcLCA0NjEwDQogMCBGaWdlYWMNClNUQVRVUzpDT05GSVJNRUQNCkVORDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:10.728739+00	\N
4	lucas.bernard@demo.tierslieux.fr	Your invoice F2026-00002	Hello Lucas Bernard,\n\nWe received your payment of 120,00 € for Carnet de 10 journées.\nYour invoice F2026-00002 is attached to this message.\n\nRéseau des télécentres Aurillac - Figeac - Decazeville	\N	[{"filename": "F2026-00002.pdf", "mimetype": "application/pdf", "data": "JVBERi0xLjcKJfCflqQKNSAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxODU2Pj4Kc3RyZWFtCnjazVrbjts2EH3XV/gHwnBmeBkCxQJt0QTpDd1ki7YI+rB2sHnpPrR96O93ZIk2h6JsWXbSxsjSpkXqcObMmSFl2Fh5vQD5ww4Mc4rBbXbP3Z+dNdHvvz282XcfXy+/BGM3H/+WK8Mm/3/7uoPNP11g4yI6Bxvn0KQIifzmuUOLxmGIQfX/0b3r7uV1btL26OeOLBngyLxm0ubg586xN+jZMq6ZtD36ufOcDCXnOayZtT36uYsod0Mmt2rWwlUcDHnw5CpXHfvXuKqctbD25ZM2B2tXXT5pe7R21eWztkdrV60wAIGB6NjSxnsxsIBOUWYNxHI3H5LqX0yA5miFdcWsJVa2RrhA4jiN9di/Bms5a4n18lkLrMGyAQwuVliL/hVY1awF1sasLx8PM9og/+Jm+uavj91XDx1k7T5GcPKGidC7zcNz9/LnX16/+eXLDYIhImt58/DUvf/CWkx3nqV17s72Tdg3Pg4ND40fvhs+Wbqzv28evu2+eeh6645w6jcVLgjBBBK7Vrh++O3rV29fTXEBHm7Wo9wNQGBo0tAMl7hdibwHeUS31GrCEZFKGcwLzZZxDUhgMBCQ+jR+Z9V3zcaPmBteBBTiePYJ9nh+/e7+/t3bDVDtxsFhoxdH9xUO6z8NnfZx3zxuhyttaUMfyiZ3Ymn7ld6XOLSOItXreXf/04/fv5mup+1+BW8kZ3ORUzus4ISPxnsnfljqhBEDfCgRQVCuHtYFTjV4mkWz3HBkOCabuId1GQ2qzqdy3NjpKUc/wnGEVwpR3el2jEGxro/WSpbRy1xIGQrlMkcFG4VjqhifhEBkRUpijODqJfxvCOT7yiQFGzKByN8538vDoBLuUdGDlWaw0uR4jTw4ZxhYmgrSUmeTctruNMwVUgBoPEhaSDW+izxZRdDQmS0dGpdY5fM8S1CLHT9t572MIFWEg4Q6pdmMlaQEcBNLaZ3QlcDaEiCZIOLgqYaUiwC7JJYzGZ/qAL/cr4WNhIFRqjCRm1NuHZGQLdMSDp2oxHNM+0eCUh9W29DArpUnJ2ZNad8Q9FNxmMu5p5ag44xLNbJZOgVxsGwCrM+iUSFPDW/leyogC/XkeAevDObVbccbZRBRVa5OIXMqCzydWGr0JkYfgWp9zLWndsgY7croQot9ga3NkjVqzK1FxpzFksBgCohwwBJKFtKwVBzmJ1BkfFSZZEwMW/Vp17qEdLg3YJENIt0hYjrAGm4ddQgPhhKpCTSJFbdreF67Lu9LsGRMbrRuOdUZGy6vKpqVBYokAo6ydcPKBktzlpgiDqaIeLRQ5jaoVYwR4q+XPHKSvzg5ohr2glQ2SwJEGRSR4qEQTSUpIarmCjbOIqBo2Mfo3IGG8Q7irD5U6bZmXk2Pi+rmMTtUnAszpfGZqcftGioieGpoa38jbR5nk0nsPeDZGgB1YtrdusJzjCb2fAgX5n5Umz29+dBqcFVYlKZaVgrgk/Cr2Ia2qrK8hjpuh4FQZfh9r4unvDhJvZprOqX3IOanmqS2zKYT6wFo69CZ9fQmoEmytNmH++sAGhtJN1nPLEfHZqtwJs2Ilm4kMhAYI5dxMXe8oouLaR2xvjSGKJwLIN6oEI3hce6ARJv2BL4DKS4KjxiM5HWXwsYBG6AYBgouNZg6UBo3lRVfbn6CIOpvEvSvGvQpm2qiFOsmMsEzHOMlH0pNWL1if4nWOGfJ8VL7kgr4bMNWDOkqeWWtk/rnfhxtXG9KlN0fYuofLU1MSYoDfreqsAFnAIKFtNiGpArNXakguQzTpeXuZE05zeG4LYvflZmTgpFcGcRaF9i+qEbmlqDdQ6KJgj5ICTf1j29Zqn18pnTYKcUGqOtfHurf5EcjXe51b52hBJD8Yq9LXYg8zZnbme0K6+3K5Q70IiIpeAduffB4GShTcGh5p2XJgsL+ZgeagttEkFunS4xNWAj6idOJWwRLiGAC94KyMlgyOWbxVoWEt/tNuWw7pn753LFQJKsAxkNES6dL2NCq2LJS8Pw5jI75fAhNJ7JnjPI2RjgcXrgP7bOoEkLeq/FMOYscDbggibNa8fsRVVX9CiMIY+rJ0bx88mBuPMnRnWEPecuT+T15g04Ka27Nr8/moT5f6ZvpoZtnoRdD4k+DuHwu34cLenB8RUBPtfTyECYWkQkkX1SQbhXBq4tgIpYiXfDxxjsyNjkX/1/y5yQbhuRjxBrhDY33H2X6Ihaqtc3J200C5OjyfjshIR7OuvxmlQNFNGghENZ3X+jOmxi+PzTAQOD9UhtYaj2OnJO84tNWHS/oB1xzKWe5a/tLJmdksmIT2QapaarVzdLK34ZPiQ0DBh9uJiFy7QukIwkxXKMlgCYiyZaqhvoJtEQ9APi8WqLXdk5LrvD98dApiH6FKGVjcVqe4PyPsFqn0nqEPhVQ29XqadlVv+ViNskhBNZLWfW0Pu8m1z2YRykxXfKcKiSX/cJitXMF7H1+/Qtw1mtSCmVuZHN0cmVhbQplbmRvYmoKMTEgMCBvYmoKPDwvTGVuZ3RoMSAyMTg2OC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAzMjI2Pj4Kc3RyZWFtCnja7VoLUFTXGT7/fSwICrs8tajsugJSK69lQZOYGJ9gAKMhhEQUAVkesoAsqAiIxiQ2Mak1ViPkhRSVRBIVSWMNWoWYmBiijkFFQ6glRmpW4zgRUNhD/3N3QTR2xrYznU7nft/cc8+99/z/+V/n3F0WAoSQoWQ14cmUWdNnzFTmKpcRAl/h3fI5TwWGGH1vjMLrfLyOSzEm5aq6xjkRwqXj9fdpSaZcYockhI0fmpZVaGgU1r9JiBhFiANNT01a7Nv8txUo/wg+D0vHG067XTrxejhej0035q84Fu8yjRC/eEIC3LJyUpLitj+7ihAlynsONSatyHU8yh/HsefwUGcnGVN9ah7H5zw+B5qbY8rvu0Cew2fd7DkeHLEnXF8feoN+Ob7Ix5DxZAX6x7y8A3si4AgJfeck+V8CJeyMFH1XarryboU4N92jA7VLd7iF+2d6lx9JdH7kJvG2l578NeitZ/rPXXm9Hzo3DUnDsWhZv25hM1dPRIyTTizDy9HWM3+WGDgXVOloz/MKgeMEHMtLXtnwpGHGYvRTra5RuFE3KLczQvsiAn3osc1m9NUKjniiLC/Na4+toxQFZ6LC1pW4YzsCCWQsEogv8cPWHwkYsfHY6kgotuFIIJOQQKaTCGxnI4FEIYHMQQKZS+Zh+zSJx3Y+EkgyEsguJDi+4PiCLXKczRs3a3bwLJCTeA5CjwSixNYH5w8gISSMPI6zzcT55pJYEkdSSRrJIFkkhxRgNivI39U1ksdMYhz5DWpgEtMkiScliSSbRDbJuyPR1/6AbOhruHLu3nw/EOywmtA7YQgmI4jk2/pAPMhCW59VaJytz6MHYba+MKgvkuFktK2vwB7BaKSSTPQqDiPwFJ6ziYlMIFMxIllksRShPLyTgdfZqCcEo6jDzA2WUg/IqQfk+s/3HzcNn+aSQtScgdFMR2/UGO0UzBGbIQipw14yjmAaM/C5CY881JVEjJgVNYlEPSloixqzk4VUY6X06zJJV6l4ZrYvw3YxjnR4gFnDBmaNxZmW4VyZkt9pkh1JKPOvzXi39yk4NknSlipJJEkeqVELi2wujklGvRk4To3yOTh7kvTMAbMkkql97XaN4nVcbZ7EC9eUDutgjMLdzUMXEqYP9fUL8XB3U2jH+OpDw0ALOs2ga89B4xS6WTHRERFR0bMOnDlz4MDZsxafVn77dz2vHWhuPsCOiJiYiIjoGC69KM9UVGTKK6o+d/DghQsH61t6TyuGtRw8eP78wYMt1cV5ppISU14xVuAeeoMXFC5kGFqk8eX0oS7hGgXn7ubCC/Rs2eubtoL/6tWl9EYXoB44cvMqfbi1lT6EklX0BtdtlXQNc9GHcn4aDxd3N86uajUC/Lduer2M3rgGn7W2wtGrN+ljFy7QaV1sNzLSVm4SrGU7natGxWtdT0F6V/NiWEtP0PVQgCNyoJ5r59rYvoAjNDlcvuVVro22MulTuGUwadszlKVbUbSE7STJfe1ioC3OBJS+2jEKlZIFD5REoyYqqeU/zCguzswsLsqENfQwPU9b6GGYAn7gC1M4Mwy/dIl20EsdHTCcvkaNsAlMkA+bqBHnvozJFMRmllWcW1T5oAEqzXWIpX+E+ZANsT1mcOCPRoAiokdPO1GikhChDS0azuKLg+FRwESiXXaqR0GnFjDPdlwMt7GnkdNEznyt4LkzK5+nK2Eo+K/6ErzoJfCCi1NXTc9YHR0FEeMnmE+vPL2XeVqKnmrFa+jp2LtrCVQBwNSj9hDi7tbvdogHdykVYUhNhWWJ1U/WHFZOLZ9/CUbQz2g3baVHoABmpDVwF9fawDVR84Txf6kPDqY/t1ynbfAyZEAe7FSz2dF/hR/GwY71QMNrQCIvzLTsSKQlnD8c5/xpiaUayr4CJb0uNt8ez/lw81j+DGh5AkZkBCE+TqDtN89TsptVHvoRLiZk/lBC19MoqIOCkh8yl5w0fW02f206uWRe+ETYBqlggG0Tw+nxyOm0u+My7Z4eyeyqR7smoV32Uv5V1ohoQaMWPK21qRD8gZv8ivlW91XLTdgCsRC9PMNgyFhB9yAzhdrepVfavusAbVJ+Ku3e+R7tSs1PYlajZuE4ah5irTor6wVnSx6XZimjpWIzBvEKbbWss40WO3G04+DROB7WcBOx6Eotx5iE5XNuEsalkMlItosvS7XlyqRYaQgarUoz4EY9VwqjIBgXSTulpbCmOXflylzUcuVHi+W2cIgmGhcvzmKaDLRZYcAIO+NeQ0Rtf92r0H/MEosx1gpbsfyG0XQDNUAZpMES2Hz2S5hAN9L2PQ2H6vY2NHjBVsjC+2/RdLqxl/4hge5RCLTXfL0PhB/NIKCfmH0xU6qDAT8dxEVURUupkkWkJ0aoJdZxUr0o2LghrFQcYC28CuthreUs1YvNPbVCzO3xaHt8X7twVChCCZ9BdT0ZfFQaPVYL2xLHanR3LSGuMnfp/Lmpr0AGfSOibs2HLeAMY06/9DvTZ0+bOvIhEIZBd9Ts6dEbjf7rLGt2GBYcrzy6f+TTcwICQDVy1E8sYjVYkwsVbpivkViV1nBLc/PSMsL44cx+7ugeT0yFhSbcXItm1xWcAAfaeaKgbjYtB8Pl6oqK6vfeffc9rjl5Af2YWpAfL0iuRLUYAeaXHv0awepSWqFWz8JVg9aAoI/cNGfLzp1bYt+YEvvBM/QUfR/iIDB+lzCZfhsStPvtt3eHBNML3t4QDu7IcG+0PQFtd8JJlMx2YCmQAsVU6kI8+MHO7GB75ezaghO0ExxO5O+rZL7kFRby9Vz8LXNlSgJEAo+MXND7BfOGHdaciA5ouxurJ3DXjIa7DVcT0ZoP0aH3k2Fvvbr0akkpVsBJuhuegDFgD5Pp75cvSn9eyekMq1ZNm07NQcGgB09wgYdowyZDSUE284POFJ2EQvRinHVnGEP0ocwFT72GzYIJUEkz6/lB2x2/A/1poj/D0KaC2tno3y5an/FpysK6+XuqzDnFK0y5xcWHkhNg2u0eeDwhZUevit6g7WoNeIbpy6t4RdWW8nerNm+pkqoAGxcF+xw6qJ5rwMCyS8uFRT0V+PH6W5bNOyOlcdIYhdsts+2Z6ILRknYgjV6Fr3drvpk2d1ZPHqIL3TpM6R4RkLua6Z77p+yGL7j3LXE58ObG7F9p/T4os7QIi6qSF1yzRd8P9VnfaYNdH1jYSsIdWV5SsryguLgAF9cM+glto9/RP8MsvmjXtm272AGEHqNm5DGYCG7IiVZbeTPqVqHme4305M2BCwJf2cwsnLGvxOXX4/hAD/e92y29wqL92am8iPKZWNXJKO83uKq9QfBge9edhIX6BqJ6/DCDagVP05lEQ8oTSY+B6yF89dzOuVqy5GJ+Rmak8bGfDv/cm3Iei/16UJBOPz7AcYi2Yte+Oq0WlKGhD00KChxmP7pye23NaBZnrEW+SnyH7ZZS1avcPB7GDu4QKq1Kp+J0sJRueDRhP236Zm9trfgObegj1CcmvI/s/QYuAIFHmZYKjK5CWMTWpSt67sY2R0+r1QNLybcC0jknlccszBfL9NyPjA3HoY6ryZ1PrwasW+6l9a0p4/x7KipZxoB4YwU4oE7c/XGv8wK24zliXj6nWVB0qQOK8FxNX+y9RV/kJnNaWgdRljbLEUim7xAAo3CNr1QYWG2hjJZbhx8DNnyqMNDfEvx2I61FhcHFF7/TEKUdfl5tYd/w+lrwvj3u+cH9b1U/bbhOink4dsLuvGEVdho7jRMwN7FjXcqifeKJXHqblj3REp8MiAPxa6LxHavIPZE4d39K6b4JnFccdeXYow+epc0hu1elfBTL3sTizUYn75Gj1M6NncCx93HMnKJljcqxY4d5qxpXrpwz5/7fh6IlZpJ1EreSHaQO+T2xgL+N6fflS8g6uIjshm7O5R6Gc1kSVyM335cncXcL4BP515GnkR0SO/lOYbQQJTFLeF9oEroYRY9/iz7/NQbLlClTpkyZMmXKlClTpkyZMmXKlClTpsz/EZYKTcTQ/0dw7otf/mHcXiBT+/t8NdmDR9XAtQMx8vNIDp5PsWtxI0nG4zIelYN14HXpg/5jkiJY+g8VIrYRg6KK/QaN/eXWs6LWev5nEFtJvWKQP2KBVVe/zgeBaCDx4gFSIxySzgmikcRL97EvxegQ+43KFi9bX6wlNWKpdZwUlxso30gy+dPEC59VDOj2Z7/E3B/3i/1/AoGAkfyfoT8XMmTIkCFDhgwZMmTIkCFDhgwZMmTIkCFDhgwZMmTIkCFDhgwZMmTIkCFDhgwZMmTIsELc2NfyDyWEFCoKZW5kc3RyZWFtCmVuZG9iagoxMiAwIG9iago8PC9MZW5ndGgxIDQwMzIvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMjYzMT4+CnN0cmVhbQp42q0XC1SUZfbe/zHDS0QYIVNhhhkE0wAZmJGQVwoq+QKNfAAyvEGGYRxUiJSIzHwd01RE8RFrVEbqmm1m5bbptqa5tselMnWtZTuVWpm7HkyYb/Z+Pw8f2TltZ/97vv+/33/vd9/3zj+AAOAFT4IISRMnpKSK4eKDAPgRvS2YPjMiqvyL3xfTvor2mflWS6U0XloBIETSvrnY4qgENQEA5/cqLq8pGud8Yh2AOgzAbUtJoaUgNP6fKXR+HNFNJfRiYJj6WdrfR3tDibWqeoOvnAYg8ndV5bZ8i9FmyiH5XN47Vkt1JWwXTxL+GS1thcVa+MAnKd8CSN3EM7rS5qhyfQxziXaD02kJ4AaCy0XecL+yxWkwCqrJP767dbmBRBzguk7rM+X8zy86obay4QA+us4lN1b6hEMB+N3Bka1IFXIOpfywLGT+wHHXIchNIXwR2fxY37NzSfdln3C3TtJHlvXJljYJ74AMIBvlJjBhIH+6UsRPoUjwJZGebqIoSp6C1GPHrWtGUUoB6MjTGpWGaXCr2ooduYB/vNjZZzP52nMJ4E06eRwGgS/dDQQIIyCU7qMJEKIJEEwQS/cJBAipBAiTCBCmECBMh5l0fxTm0H0eZPV4TIuiB5reKGsompQ/CAQfeuNN1kVAMsmbDOmQCRbIh0IohUpYDDWUGZ6ncKKPV+gz++nlsBCqXS5Xxy/DXVn8bZc3DPsV8BBBOWzrhz13wffwPUbgBLTjM/eEEwRd2CXE9UKGAhbhJeHvokqMI8gWm8UTYqfkRTBamiKdgqI+E4UPf5trogfkCFdccf+HKIFqjKuWP+WLkKbaTV101yXc/Pm7O86fgjTl/FEIkhdBnqoOVqvGQPOv1S8XgZ4/pSNUh3xv7ZHXr/8IJN6Ou2VConyAVh2kyYddV5R4XINE6ShoxDMwm2i1shnqFVkjXW2E80tN3U9VLLlT80RCSy+O4A9renEB7oOqXlyESKrrHly6DZeJZ3QvriIMiFIIZVTbmbBIqfEKcMCD8DDYqKoKqKvy6FkKdqIWEk8h1b6D9jbi00IU9YcRzHfI0PZL0fZL0d4l55fe31vOeOKuhBrSXArFUEI+aiGMenGkYkEkgZGwPOLgGkuJ7qC1kGRZwEo+aql/K4g/nLBk0lZOz4x+WQ5lV0hP7ttiuhcQp8ev0Grq1zqLNC0mXWVKXIoVOyx05n/TeKf3+cRrUaQVKicsikdaksIjX0k8PZHLp10B6bUSB6d5UE3w3yVfbOCzz08n6vZgySOsERvYUkBXnOthsUZu5zQ0ol5Y/033nm/k9p+s9GtEfSSvIJqapADSSVRAFL93tm1ki8QpeAjd2Abmi+vnog+7KrffHCUECYl8nqe5OuST8lWaSBDijXotDIr2NZsMxij/ADEc9cEwSONvjDKZpbOr2EJ2hm1ZaGtAe3vVpZqE3PdtX7Pj771S2LE2dUwUpqHP6xjfsLXVPJadnDyBNbPrbccmT6P6pj5WpZF9bhBAKkUjVzJCjzqtFBCIgzWCWiWNRGHL66twAD506gSLwE0YjMG5lryXGp9mv2ObWZl0oNuO4Yh7D6A+JT396w0nWdPj1izuAUkXTvdGhvs9DevZBVbHnSTdaaxd1UD+BdAvE8jkYfCI0HCM6XGSDPEB2U+HZE6/pwko3PD0H2I/nlFRayurR8u3+AAuYKfZ1a/Yeoze2Xic/bhjreP1xHHJQxET4tO71r2JKfU7t7E32HX2AQstZ4el5v2HWBO71nbEMn/ev7iVQRTnDLIjlEeAB1Y1WOMfhNx/0AUbQv0CkZTHRI+IQG4e6KIkOSPBfr70uRcm2nZ88BZbxz5cz75cGb+86/GnX0xbun3vHizE8Bpwya3s2Fjz3BnG2KGhUe9u/jf73BSDKVOnlM8yx2tDRx3e+C0OCSEL8sj/bqVKlOoSdX66Zjk3lvlcYnWXmI/czi50TZMOEOdqV4dqFnEGKNXkTSYqgaFTAui0hphok5lHea+He2nJms2GvYQms01sL+tkVzw85fbupyLThuVZtr8t1nXXsz+wTzs+M8yJ41Gg6aw6RJJV3AY/nq5mrHhTKMO13W+wGLm9a7eUdZMnFPSuDqlDqqWKpi0q0SIbEjFE1JmVLMZEG3RGSlYMz51K7ZdA8fMfrFEJLc+sTJ9YsXGIGzYsZVsDZx9z7HwbH8GxZyQRl9baPraYKi8v++maO96YmR6furxm5ApnfWvB/BfXfNIxzNtLfnh8eDgOGjb81X3B6fwrhexoJTuG3Z43Hg2Rd4shpq9bpNbYSWvG7/vHqmWzWiab5xycx26wjtI8K95/6NGXpXh2PjLq8puL6qPGsHNBQd99vhKFYntFEPeUd2AQaRiu1IZap+nXoJL0PdHmGiTyLaTfXdnNq/uw0NBg71plbmDOZ9hN1jHvsWIM2teBnp6sRRRzM0qfDxVUsaoAlbV8wnh2KTLi2oUnfyyofuLaqbA5tgFDB8zIoa9rgf/KCe0q/q2l7psetIZgyTnWRLVYEssapdyuXfQ9eJ7icYu7p9usWML+xppUmp+u9FDVF8kXnrO+hKip0symXrsJ7/eBV6Ba4ZKlmWcWbn7N3X05a7SL9yeaitcFlbNGx0CvBHP+puHlrOlzLNHNOlJc1Sq2Fle8+Fzg1DHOTGHSwCf05qRXtjvPCpMemeo/NnFfo/OslLt7fu6SHlvkOLJlCM/cPdWScfLI5azJ7jVgYrJtZ1Cvnvzj1m0vuwt7uIbY6QFJqa81KWItOS3Pa6f1ZiyGJHtSzm7VJokXlSzRONMH9+ZNhNUHLdm0km5i4NzMInbp1U7WkZVZgIPF2u6jZTbnsdIKBHau7of8xdXs3LIfC6qqKcSuKyxTLiMdfkBFEsKT0m+zWqn/2/XiXxxsCz5ItmccXPDu+amT5n3V4HgBk1fty5+9Yv/8FudBlcfuvOyrp+v/U7DsqWzR7Pooq7TrWNEC6ImTlEWaBtFGKfDbIhQgDQ+ZG73yDW2REprQie1P+UXqxIjB/vtbnd1S7ntldkkiGRrqklqScY/pJulo4t413Qw6apjamNKPs8scSTnJZ/eyv7LvHFeXmiwXquwLkwqS39uNQ1HtuEiNcykq2mwMNGi8wtfXHz1nMOCQ2IdM0YawwV5hzavePhFE2meTB77yjt5Mi70jK45wPiZocOn9jH7Cl/FYYWQbsiQxftJbRnamZY9KlbV/zIEEeQd73wVshI+/R3iYC559cliSDs8hVTDJrqVcO6RcLnvoXcOwfxCZVjdgsd3LKzXZtiuwHIvPskZd1onKppfd8KDQ5nwrdkZAYmpbkxDatWu3Jbdlo34aj3s9/+YkybdmYT2mrcdWXOCsYMul3O5ronfXLuJ0tRFnDnF6ArgjZ6W7SAf+zD7FqlbU43Im4Fi2ej87wmqFeEHPDuIU50XnnzCP7eD/aViqXEfnB/Zp8sZRaFbG6QrM2Iprsc4Zt+TErrMh9tmWETpSfUN06zKdrr8clzbuvz7fvfgKZW5kc3RyZWFtCmVuZG9iagoxMyAwIG9iago8PC9MZW5ndGgxIDIzODQwL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDQ2ODM+PgpzdHJlYW0KeNrtOgtYVNW6a6299wyoIY8BtFIYRkBDIRkRH/nIzNBQ0UgTTRle4gNRJzUEQ9BEI0MFNImHIRgHiatIHl6S+AIkyyJKQq8pV9Ey5XbyqjB7zfnXngEx/c7xfvf77nfv+fb/u/Zej3+t/73W2iMII4SeQRsRhwJem/zqFOtR1sMQwhehN3H6y4F+3sct3kSIGwTt32e+4eW9zPDNURjfDO05oVG6lTbZ7h8gRIKhfWqxTr8SKQERYvP7LF4eEzG7cu8QhIRbCNmqIsN1Ya6nribDfH8YHxkJHc/k2P4O7cHQHhQZ9c673qmaDQh59UHIU7U8OlTn3zrrJYT6wbBjnyjduyt7n+ZqoHEDivMKXVS4+u1xvyDEAwH+fmW0/h1jCwqCugUbh0KQBSJGI2gHevZ+nwtEHigS9WGtHmCBeKCQwHiBzX8CwAxlFB2AkBW990PHLKt5f1oDVpd6yMKyk2+M0S7q+9Jd5GQhjfz8Yubcrve9Hwz+VvMsL0pcSdfavBXegQSwk1bYC82Bpjf3I4ogtrBkbwXHWfCE8EDLSVqZISDi1TA0ETk7FylUVIUzlFG4NRhh42Vjl8ygqwkIsoO5zA4WgBj1AsSoL3KEZ380AJ4aNASeQwEx8kLD4akFxMgH+cJzNCBGk9F0eM5ETPv56G14hgBitBoQo0J0EJ5HAXHvzb03my1EzFKrTF6AN48OwXsweIgHWZyRK3JHI9AYNAVNRTNQAApEc9BStBatR/uA8ib6w7nIaJQ8yiiHopGg81TkD5SzgVKHlqN3JcobJkpj6z/AEyb85cKf/fcPgFE+D3L3QoMfGwtAL/VBykuSookQiZAJQpNpiNV7QlcbR5rrbz4FaytYd+1TyBhkopWit6veY41H+oN6tFc/rJNRCHWmQP0laZoS+sBjvCVQvYimmesYOYCvTHWWXUPNda5HP9+jLkDyqsx1BdQQxFA4eFcHnluD3oD3CqSHejhEkB4tQdHQdkbeyBNizxdNgnY0WvbIHOfuWa/A2EoUAzOXoMWQ1+/A2GAUCnHMVngRUAu1EKBwhpWWwLgeympYS4eiQHJniKIVQO8JtZchipbDe3b3WnqpFQ5vJttaeIYBZa+n4Dqym2sgcFoLvJZKei2W5NDBnP8ex0e1DwVanbRauDRDJ2nkDKswy60EmhBYdwnQOcP8aOCuk8Z6gS9WGVuVQ4R21BvyXgO5pAXfuijsVQ5a75E+I9zcvR3sVQqNi5vPiJE9+121WGPXY0z4dm5o6Nw3Q0PfzK6ozNpXUWnYMyc0ZO7c0DBu+D5D0D6n7KrKnJzyCrIzbXNienripvT4i5WVLS2VVS1El564OS1tc8Lu+Ad/UzzTUnnsp5aqiosQV6e5QhwNuQN7BbbR2ODoQqFJbCIeLP+yjbb4JKJsj/TV2nMau/bGvITZtIgexxPZeBi+TOLJJjbXTm2vDiPPidfIpjwYaYHhYpjJSTM1LY2NlEoZbZxESszcQDtiUSjeB4YPoiCqk4ytfIrZSmAfYmNtq/W2tbEm7t7IxhppXNiTJGdmZcG/rKxObEnvdXbSe9hSCKDn6FdQzsGiWjwCa/dRPd1Ck6geb8cxeD3eDryvQP4HAe9eIJPaRvBx1dqA0BRPo3tx+Fk8zZBXyOv9yvw6mgqBejdQTwNpnkfIFch8RiLf8RiconFRKH3GY603D35RKhDeRmoM/sBHq5v+2ZZFje+u//6tG1j16vz+9I/CwsJ1eOeYqD1T1+2e9MpXw71vnFiQv3IA/RXWzwRt9bD+YHbyYHsVr3Zxc/cZiE2u98A+psoj7LgJO/fT8/TGwtqlgXVR1bXl+cVH07P3f/xG9Wp9/bzruM9HnKvTqR2Xfnd1PTnce3fK5vQD61bqYwe5lTo7f1sSd5CdCmGgVx5YgcD9A1liNae1AQeB59U+nIISTH1oU1O9uFBwNbRy5wzaAroPB59kM1NA4t2SfwY9Gr/Y3hNrXAjHxET2KqRxZp5SezuQvK05OVuhYEv/T/zrGvuOLVl2BQu0/SoV6W0cgJ/z/4QbW5H7aWXlp7kVJKZskBv9nd6Z+za98+t1+ovkuxCcP5BFTgHIHQlyK6RYwxqsLuCOi1cbMRW1QtOcjgTBA6IqGWRMlmTUwGn6iJSunuC+QVopn5SSxTUugyCr7LoIwNQkeUd+/o4dB/JpfuJOZPz3y3Rnwq799N69e/Rent/OTYmpqYmbdpLTGUlJGZ9sScqY41yy8cj580c2lji7nElpvnGjOeUM1r2TmPgOFGazBJAnCeTpx2zmK7nX1s4KrIV8RiCtyU4ubriLPwh7xT/zdbDUmJLlP9NObH0Vc9iGHqbX/DPxeLM1ncBO+BlsO2cB7vvrdewgxXoOnT+Q7OmyJePdDvqf5DVgFaUpC5mj2xsbWS7yGsoyjmYqVwm5YC24GeIedsBMRLblgLkcfbQ2UuS7uw1i0agg9ipbRwceiH0dFcyI7m7EZ4St70gwLu8IlrVGAun4KC52+471MSlE/dIni4t+vHBwcebYlF35EyZG0qZDsVeDsw7ro5ZgVVbCg8igDbT543JatnHjlq3vJeDZx77Hy2Jfn0lP0Bukf8r+vI8+zM+jftOnPqir63jdf5Po7HD58LKqgE3JL0+MoF/U5NBflkZGzZ0VrVu8acMGPPXYUTxtQ3xS8b6Q67H0AT2vAE2t4X4QKUV9Lynq2ebDqTkNqaK3iSuNvUZGf7dVXLS1SbAS+3PFHR44niaA5eoh6m7BPAtkw2622EZtMlF3xVXdM6DUOBVP3p+VtZ9WYY+0nTvTaG/Ct3VsjEvPp+2d4g1SL15KSv7wfRJBx0evXrXywPHD23JVzg0f1/3EYlxvbBXcIVr6Q4PllDmPRvraW3U3HAT3iLZEI6Lt2BqjxLaIpb9tpp/T9XgLfmPLb0JI06KFtJZeoM20duGiRj8/nIMX40ic8xroDtoIh8zagC7m+HNVS+8hGKf+gX2wE71CG+gkmFeCd9NIGkB1glfnOtwPe+Kh2PEA3UM30vfobpCXWScZ1utt2v9tzKWeOyQ+S2rF0eS+YbzQVEinFIqthWZ6DdBb9qDX1HNB4koSIB46y0j9CkVfEyVONZ0TdlqgOQuDHdKZxNZYCiOCNMK4nSU/GhbBMGzbpnGFE4z3YTzA0+xMA3dp6vEwvAHH42GnaXwDjT8lNBksuPsdHoKTAW5OHVfMc+EbwCwf2MdGLU20JrtP0XZxKczpdOKvdHjwVzqdkMme/HbJnnaSPbtDAjZr3gPm4lS6PSNjOx2F6zoxpsZOelbwEr/ZlbRl14HWlktXxQKzVwJhFTt21sBZ4Gin4Twxm26jdmbB1b0yt/3l2PHnmr+clvzuxbO4DiPDJnEb3ZWevotUOex4j0bi+N0h4jah6YcL2yvITPF20qZN7PuInay5EFfu5riSNhqnJxw7Xrhrk+T99F8tyj+y7sD6qz/SS7Rt6Z2NsbdWf16VlBF79Sx2vLvkJyHvtO/IjWtDw536ezQfbf75Ra/zr07Z+t6KOKd+w44fPPMfbsDM2AEWugm6wQ7ESd62USv4O+LtBvE2eLujSZB82pWdsLdDZlpCcpJp4plG3Ix/+k6sBas78jdN3i/k28k2RQSLC0twK47Gz+6lFYoI+gFeyzwSC5oO42Mhy1177P7jsK+Nxqd7T1P3PFcdSPXlooToveVlZROqthY1iJ2YfLYn+GhgeHXQ39qJNiI2RN9cOsRfTCiM0NXkHjtuG5/s6Vno7m5g/CqAX55CBRnAfNe1hwNLLB2GcHkBnu5s6+WufbZr12esiB+NORz7FTIav4o9PKa8nHg1tLU1QCGzw3S0it4HrNKFFcCqmN0cuTbQp39Pz2nNO4KLeUfg2mZkBRw5c+ZIQNaM6flvi/QHiHXFm7m8T5GHR+u5c60eHoWDBoFEVtgWj9EwuWFdPgg4WEtyQ6SbzAN3LgQm6XkUcLllZWMOxzUYkbEh7rBYCxoUFIAW3FGy8MGtgjAdnowtACfrqL1ZEfP68SC3Cj3HJFdLAfZwGwPTKCVtlHy8oaTPub8urQ0JPb+M/kFr8RDDVawsI/lbM8qtyMKg6toRI4pfGIpH4V7YDr9CL53aU1qcjaSvZUTugw4s9+xhrQHYFGEaHy3zMrl/KHQ69qLflh86VHxModobEBmaYvDivk2ZUSndhFbROXwQyNhbuoP18J2jNXmYFeOw2TC2prOQy81PT8vPT0vPL6O0Q1c0a1b27C9KR5fEfW0wfB1XMrqMjKu7eLGu9uLFX+lVenPAwCNDXzj25fzQEDwGjnIejwkJlfYpOKL5MLP0ILSJPVTYYcvyL6wsLi69qLx80pE1NWdInriAZOdkV+eJSQqVmB0edodpUANzYxQq0wnP9kl2wteUAfDBnfsUqpuIGFvoHImmN+or0agU5ruliXb/F1OGL/GXJnz4w/FM3V7F4Jsg3cOVpXVhTYXqwS2z3MoBYDUXaEiS2veU/qEa9iY1hrx6PPHfqstXr0k5UL563fYD5eUTDsWsP8hti1t79ypT6tNMphTJzv3ky/1iEh9cvDgkrts+wOcx+9j/E/vAEsw8phhcI/nX8c/fWz2+J/RpRQfTU4uKUtuxLb3d/p/0DrbhLrfV17fdqKu9mUnr6C36G4TlaIg+FR7Fch7iJg/WlXLHtVskc7I/sgnoy8sf5joZ1bUDFIjFil6FPbId/9qVOo/E5fNPuJWZU5TdyjTYqysbif5hjo4pK+veU8TiHgkaVvjgv0yW5abB+uwOYNpSHprVkZvmNHVo5mcgd8X7dp7Pc6W2Ng3VYgkYNSJUEGB2NOxItTD7CWcJ+0z981nCbpBc8oyCoG3bQtImnMq/dyHo5PKIM7rED8MPTjz48c9fR5TyE4oHDw4MnDhVbfXC3m2ZRzWaah+febNeD3DtOyg9MbtoIHD1BcP8LmSbooGlucphLEt6Nx+W7jZ4HY6l77+uP3asKTcpScimJ1LEfdtmZOR8R4JT8Hhm1WKIhrekeFJBTEOamQzbvfW54WIWUZ+Xlb1yeE1NHf4GV5ADoi4npzqPxHbuK4oIbecKQJJxEJfxfLD0HSIdVZpxJ/FCvPAkXdDBBxsCuaLOfSx+xwJdDNDB3ciSaOCwsmQnGx9Gl+HCZlpBK5rxEbq6GQ/BQ/hg8bJYg8uoH5lGHOgqnML4QBQwPpC1ghU25ewELJ2OJHVGWlzqcv9ArZqONTGPrFuf4bclkJ9hSOOWw+y3wMctMNt002Ibow9Wr+KWiv6k1LCBlIrhfHCBoSW1gHMF25zk1nDjpK+mZx/7ZcKxy7PgS4ICVqwICFgRPXPiWg9Pz/ItSaVlQnR0wMyoqJkzVyYM9xy2etLmv5YmbYEQw1jP3+Zmm85q6Vs/uZZW7IWjeqvRaDofFBG2bsgPIWslegUlI/SE/rU9+tdI/bOhX0G26pmNa4DDBOCgYBzsNO5KDT6adje5tDSZsbl71/SLg+lXheHd8apUK9VWoJSDI1QeHkwuiNP4akcwPX2gYsuyjE+Z/5eIrLPO5GVf8TrBmODqUfQD57NZEX+ZP688+DfaMLjRNxnjE76Zg/HIWyHlcP9eElRXGdvPU+Ps2S+28mzQEnYHd8FcrKOXs8bLMRZj7PLaE35JnAG4oBuXoxj0PkpFJ9FPcO5NwaGAufgLLJKxxL8H1pBLnIqbzC3nNnN7JTwg4VHue+4Wd4vvCziR38DvAMx/An7B/yYMEKYKMcJBoUHRSzFUMV4xDzBCkaGoVLQpHZWvKSOUnypPKK8rO5QdFs9ajLYIeGqMNeO2/yVMt/j0iVgko4wy/p/GahlllFFGGWWUUUYZZZRRRhlllFFGGf8V0bIXfw5FdP0ITpIf/2FcmYFWSWNadPrPY0CfTVpRGLxbSAlCgiNKgnIFym4omVDCGB28U6AUQEmGkgC07U/6c14LBPNjkLWwAdULu5FeMQTeVqiez2B/pWHmueBhnV+D6hVtQGMw9fGNpreQAn0qlMS3sr+AgHYM+xuHfw48QoV8G4qFuRV8BFoF71X8LbSKfIu8WF2wRRVkNKoho40tkixQVzagCtbPX5PoKxgdNw3aHiia0yBfGCvmq9j/W8H6VWgsq/Na9j9Ej9nyfwQg+8lH21iP/oWA+YGVp6a/9vS0MsgggwwyyCDDY/eKGtkKMsgggwwyyCCDDDLIIIMMMsgggwwyyCCDDDLIIIMMMsgggwwyyCCDDDLI8P8DBEeE/g43eL+YCmVuZHN0cmVhbQplbmRvYmoKMTQgMCBvYmoKPDwvTGVuZ3RoMSAzNTAwL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDIyMDM+PgpzdHJlYW0KeNqtVgtQVOcVPv997AUCiC6KtgK77PKwyCOu7IpaSFQoUhEEREBBll3erKA8V0rR7ERrTYIMRBNHDBhCwahBY8hq0Kbx1ZQwGBl8VBOoj0nSOq2TmcQXe7fn3l1exmRspv+Zvff89zy+c849/7kLBACcYQvQ8MJvlkVFU+9TRwDIZ/g0NT4pZF7R8SMf474c9yk6g7aUbqevA1BK3L+Spy0rBQ4JQNB3zis25vKHXboAJPfw15Ofo9UrT92Uo/1ilKvz8YFzp2Q27mfiXplvKK/OPc3ini4WMIpLdFrFGd8+9I8+oMegrS6FZvoj5K/iT7ZBa8jx71/6DgAzjDpupSVl5daLkI6yB4IcfxQ4AGW1YjZCXhn0SgiEfMxP2I0vB2BQA6zf4e+qaP/DhRacgfcEcHn5/vDDEy7RoAfpJI0M0SuVaY5T1hvXT1n8HXg7iILh0H1rRu/3hy0ql2iHnbbIRn0zrmQXsACsin0T1MRLuFuj6CuQS01Dl89JaJpmnqMYWxzjKyE3So9PZGCUuPPuZC9nILeygPx56P5ozJirbVHI0WIdpiERUCIRmItEQIVEQA0avIYjEVgGMXhdgUQgAVbhdTWk4XUdkpgl/rBi4G6vrDtWsBrvvwA3fOKEEYXAi7AcbZMhBXKgADZAJRjxTcAEWRLKtCgzwCZBZr31dHribf2c5foM9KsnaMEkyhBpHxxFOvc0Ig4kilSTD8i3NqIkdoqlKu20hxqkCT2XjhQpk+mD3NEAqZ0/PznqmLUQ/g+LNVobfxJnHXbIjyxmYFzGuoMzcwtSbT6h5Vnxma8gGW1jmVzIxHsmcxcyJ+GHY1dOWFwvxLDTJj+jYyGGCQQPWgEmlFUwPTCWE9Nj7RPM8IRj1zKOeEBCYZudJzADSu08hd2Qbedp8IPFdp6ZwLMwE0+QjZeAMP+WYZ8XYj+nQAV2thY7vgyCIB49FWOPb8SnOeJZ2ITPC6AE5TKYB8F49jSTbGVj1rInrCfvnm6zFD2XghFRCiAPZ105ygJAB3NEtFAkFXLZqCGDJahTjjblqJ2D9gacBjI8mRtQPxi5FxGtGO+JY77KxF0O3oU8KvGqR02nZ0BVj6EmI1IlYhWKNcgT49Cizf+GODl7HepqRW85ooVWzEgmzh0ZRlZhr5wOd3rENYhzZwP6IdZC6xK6kB0U5hlREQVlPjZy9Cg7+NCAXw7sHeYuyjjUFKW0nFY4Ejn17R0yfSDCkjUwSHfwGZSSHXwUSOr4rayrZRb2Ep4FynfcJ0nv5b/oFXSwt1DG9KPMSfh+EPm8GdPdQa6gFYRWzVOHzfdDbTLw2WX+LH+Tr+glfcX8IXPtRnbw9Iff8/+2dLAhlv6utoJyRHG23mIG2Hvgj364YKLwkUx3n+FNvIjg0cfPX+NFbC5DSDAJmw+IxQz451zI+OByfJuxr4Vv5r+sumecUzJUcur22t3G/j1kDZEWXWLbzqk1+00xcXO9wt5uvMnfDgm9GBXdsT09w89b/WrdEPH0Q3Q832y+WBuQyjk5Zik3Mv+RWf5lhV4Clnvs4MFHg2wgauIEYHGL5wTkRCXFipB2/tH5a9TgjZFWrMoIy4iVScZ8spgafEeBmBGt0LhiTn5h85VziCaCCKXxkXDIqYSaSThbvpihhllRa/ZZ1V9X/yEJJ1ICThTVYEo/pZflX8g43+/0ufnmtZLs3cNKqs6y9aBe996Os7efd5C6p+mCgw/6+x9qk6f93liXqr9yXPiyxWIUxyTuMBV8MQobqCuxI0UQYsenODE6f05BVPT3L1esfl2zcKmpbE3TgvBoy9llfaWHeqs2xPTkGVrmyc0kxEwdamhLik+6bvhj86r4xL8Tw7qCr88f4C9WrkzW6w4iHoFMRI7F/L3H3uc4MGevxTRb/kys75LXE1LfUqdk7tm74t0MRUJn2tC92prkm9tW7mXCukNDI8LX/LN2T1NwcLdcPtR/hPhWJCQqhPwQhfVEPKmQn+9ktx5SoVtHUw0bTZ5Ojf1bTceZytLYk7nF7wRVn+A/P2H52lSe0rhg0TLMeXfYwqgOrf7OhXYSVBWflK+lsh/eJV0NB5JWJd8o2rkvMS7phg2ZacD8HHGOAhnzz8p/LEt8y/Q1mq6v2XFJTYeNdEiYd/dVX16n0A0Yvnlca1x5xXj6H85Uk5vP1M2vHX6r3m+u28431PO7AwKG+t4jQZWxCbc/Di4QcsZvBBUiEf6tcMKJ5BScCg9clTnI7G++bpa4f9P7uEX4v4R6XCRGaOs/6ViIT/AqzlatsVYMMZm3Ojjo07dd8q4xm5BL/YPAXTcrfvtp2eZmt+QvanY1O1BtlnXU/sCIGen6T1st9dR+38hZa3MElsk6kp23ZVPl79rfkMfb4mC2YxyzfhiHHRtRmQrTCZOjU+H6psvyGvM1s2/c1aqmtx1FlOaQmOnJmec6LY1MVpe2sKVBmWjPjz6OfqfixtZgE7KhG2bHzGm8odwoxL28t8xroSfdPcVt6CPLOYxPm885oAcPfIeAHgImzBwP+9BhFBOGTgglzByl0KugWH4gpeFPn0zhFplr+Dt30s5WKnPOpm/v/FIa+cpLxOWrtYeZyCMBAbrVujCGmqYq1R4b9lGenq8uT8taxLr5GjPfv+SF2CaMPpvdL1aFk9Ni1ywinNgxao1UoVFJVTSdPZtvqJJI4laf9O5qa5VIqvZ5vhlh/jWTVW9p8Ql2eWHh3i0veWjkVFY9ieA/EapSgTl1M1mC31/iYR7rRvQ2NoPUO7DYTo7565uu2oqNzdfY5kR6sNy656M9Vmf8tZMqftzSlV3UussrHb0K345B9IpTTyoOPUXjmTZq5hmL6QGTNRJDm7HliLWPT2EGUGsKzkhXEkg0CByJnwLBYGRLa22Dd2Fc8dLwB2dOUtRf8q8U7U3eXMRoRtrpdPgvswsPfwplbmRzdHJlYW0KZW5kb2JqCjE1IDAgb2JqCjw8L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDQwMj4+CnN0cmVhbQp42l2Ty2rDMBBF9/4KLdtFsKyHnYAxlHSTRR807QfI0jg1NLJRnEX+vpKuSaECGw53ZnRnGJX7w/PBjwsr38Nkj7SwYfQu0GW6Bkusp9Poi0owN9plpfy3ZzMXZUw+3i4LnQ9+mIq2ZeVHFC9LuLGHJzf19FiUb8FRGP2JPXztj5GP13n+oTP5hfGi65ijIRZ6MfOrORMrc9rm4KI+LrdNzPmL+LzNxETmCmbs5OgyG0vB+BMVLY+nY+0QT1eQd/90uUVaP9hvE1K42MVwzlXdJVIqU12BapDMpJtMjQJtQRqkQQJ50GpoXGYSPFOFSInICppcNXiR8FJx5LlMEpqGpivcQLgPzmo4E3Ct4FoN0CzIgnaIRJ5CnukzETSNKs1axSCvgSZAA5xhZhozk+hIoyONms0W94EUSOJ2vbpGFYUqFfoT6I9jnmKdJ6oIVFGYZ73OE1UkqnD0LtB7DdcmO+u3KVJwA41jLnEZ0tKs25HWJ235fTftNYS4lvkp5H1Mmzh6ur+WeZpTVvp+AfJ01vcKZW5kc3RyZWFtCmVuZG9iagoxOSAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAzNTQ+PgpzdHJlYW0KeNpdks9qhDAQxu8+RY7bw6LGRHdBhLK9eOgfavsAmoy7Qo0hugffvjGfbKGCyo9vvpnJZOJL/VKbYWHxh5tUQwvrB6MdzdPdKWIdXQcTpZzpQS07ha8aWxvF3tys80JjbfopKksWf3pxXtzKDs966ugpit+dJjeYKzt8XxrPzd3aHxrJLCyJqopp6n2i19a+tSOxONiOtfb6sKxH7/mL+FotMR44RTNq0jTbVpFrzZWiMvFPxcreP1VERv/T+Qm2rle31m3hKffhScJ9+GbOQEkgrgKJcyCZBsoJdA5U5CBkyZFFwJfDJ3JQBjqBZKAMmty1HppCTokKHL0gUiBSIkuBLBJasWsFSIAS5NTIAk1A87+gpegFJEESZyhwhgz15F4PUyowJdmBToFSTIljShmmJDEljgpir4depAgXtd/IdmXbZj32Qd2d86sQ1i/swHb7g6HHhtrJbq7t/QU4Vrp/CmVuZHN0cmVhbQplbmRvYmoKMjMgMCBvYmoKPDwvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggNTEwPj4Kc3RyZWFtCnjaXZTNittAEITveoo5bg6L5n92wRjC5uJDfoiTBxhJI68gloQsH/z2keYbNhCDbYrq6qmu1qh+O305jcMq6h/L1J7TKvph7JZ0m+5Lm0STLsNYKS26oV0Lyr/tNc5VvYnPj9uarqexn6rDQdQ/N/K2Lg/x9LmbmvSpqr8vXVqG8SKefr+dN3y+z/OfdE3jKmR1PIou9Vujr3H+Fq9J1Fn2fOo2flgfz5vmX8Wvx5yEzlhhpp26dJtjm5Y4XlJ1kNvnKA799jlWaez+471B1vTte1z2ch22cimtPVb87cirjBxcKNwLnMtImoy0hKPSUykjXMgoNhmlV3pKKjt0LahwnvMMSMP1IAVKGakuIxNB6Aw6hTODM0UXTRfFfIb5lANp0CvI46znvJbT6Rno6dAFdAbkQJHZ0wtdQJ4kLD49Pi25eCoNnIMzpGRJSZOSJSVNpaVSM5EtE6HT6AyuHa4bdD07cmwzsE3H7IHZHekG0pUkoUsSeAnFC10sXQw7smVHzG6YXTGtYVpFF0OXwI4afBqeJYdPgzOHMw2yIEWloVLj0+JTsxVbdoszjTML5+E0KdmyW3yGsj/O8+WZIBdPLh7XMeual30PWkZOl+SiS7rsKKh8Jcvd2y/n/g75uPntfVm2S59fNPm27/d8GNPHu2ie5l21f/8CNV0eHAplbmRzdHJlYW0KZW5kb2JqCjI3IDAgb2JqCjw8L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDMyNT4+CnN0cmVhbQp42l2Sz2qEMBDG73mKHLeHRY1GuyBC2V489A+1fQA3GbdCjSFmD759Yz7ZQgMKP2a+yZeZSc7tc2tGz5N3N6uOPB9Gox0t880p4he6joZlgutR+Z3iX029ZUkQd+viaWrNMLO65slHCC7erfzwpOcLPbDkzWlyo7nyw9e5C9zdrP2hiYznKWsarmkIhV56+9pPxJMoO7Y6xEe/HoPmL+NztcRF5Axm1Kxpsb0i15srsToNp+H1EE7DyOh/cSEguwzqu3dbeiZCepqKkL6Jc1AaSahIxSmSLCNVOegRJCMVoHKnClSAClAGHWIVYjlqyr2mREyATqASVeClhJcCuhK6HK4lXEtkVrvrFJkalIEIOtwgcYOAzwI+c/iU+xvgrBSxqXv3tvZuW3Cfnbo5F8YWVyXOa5vUaOi+TXa2m2r7fgHMjalwCmVuZHN0cmVhbQplbmRvYmoKMzMgMCBvYmoKPDwvVHlwZSAvT2JqU3RtL04gMjMvRmlyc3QgMTYyL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDE0MDY+PgpzdHJlYW0KeNq9V1tP20gUft9fcR5Bq8Rz91iqkLg0bdRSKKGl3SgPJplSVyZmHacq/36/MzYlpeG6ogjHZzwz5zbfd44tSZAi7UlTZsmQsp4c6dRRStY4wii1lFGaepKCvNckHWUyI5mSlMqRxIT12CnwSCpSkmSmPCmIWqSkMGWMhmZSzvAPaelhFTa1wPOMtJWatIAbFr5I0hnMaEVGGPPXixfJ8eVFoOQwPwuL5E0xW9DYwe2jSbJbLecNya2t61W7eZOX1Vm7miSvSw6WTVnMeSji+G0+P6ONL/Vmu7HMT3szK2iMiVPCg5OvRRMOqwK6x6KfOaMyx6r6Xlkp7CQ5goJA455EUHxdCZOtrUmrztlb1VlhLKuTfeEzYf3d6loXX/5oXo2avAmsbxs7+b67zaEneTec5jzEg08Hp9/CtMEzDA7zpgn1vB2MvuazArHHwW5VVvXoIp8GHD6nZVDBQx1TtppRziR+6sCpjgv3w6zId6ofCAdjm9m+Sq3NJHkj+95nqTN8NvMGWxZk456jsKiW9RSHYOL4uC7O71OxU4Ywu2dR52nRlIE2Bvm0WdbwmYbz71WByAZKKNcT+FObyV5YNB12KPn0+R+ysq+t0Yg59abvnZNGkbjClUoGRY0dvgMNxCyKV8kQK6lqHfgY5rOwrOHAKJRlqO+06bK0b7WE1Wub4kp5Gi29Cz86o7+Y2S0LXpPQ7nLRVOdr7YB7feMzqc1thurwvYtt1WZrqF2kuwyk1xlIb8KDUQPj07q4aKo6Dt/l55j4cPJqeLL99174ln9c9kb5fNHbqcpZXDHIz4vykjbaSeLJzWRQ5meAR1yw0x17T2lwBadHqCmTZAhyF9Pt+RmyIJLtxZTdxgyHH2Vejxpw8ToUZ1/bqVETzj+SF1F4zUL0oCiDQgVbF04yWp42bTUZ7vEDnlLJTr4IkSO3hoblo8sFzAznXyrm5FE4KxZNjUi3Z9Vp2EwO6lmomYIbwxn8LZrLTVi7uCjDObsvmJfDvePq1XBvP7+g5GpVckJjjX/jJzizMWdkwt6PjU0JFwaoOBp11UDAHQ8y4AGFq7smXIHHUUBKx2lqJlz3xykA4jXWG2hzXkOAIa+h0kqe1uQtpi3v9rAKg+1uh93cHVJ0BJvpeHcpHEwNVkgYQhuBy1CZZp3gWSW6hPPQ76HSYKPl1oMGg4kJegu0GgvBd/GirbAhSCozvo1hcgN33JXuPEl+Jh5whMfVh3kxrWaBE8qofznHiE/s51n0Xndwm+XAUcU1biwjLyYPIsb+593B0eA3072D07L4dxnuI4jz6xhinosh6kkMuS/GP8MUnErkhHb2VtQDqzplWCugPgKd0Yu3GYAdcFW0inUgGe8JADsE1YHyJsjbw+hATpEHa4BOzl6DPQ5+g7QSj4P0fTlfgXb2CGgr+XBof3rz/v3oaNWFp5V78Uxg1k8C85qonh+/sq30GUMSbxpjxeiLRR5v3BqtPN51Sg4pu3F1tf7GhOaarm3sHgxvvBh4bg3AI1Dt8MJt2QYzQmUsgD0W1d471HamE/cDJ4B0q7kKA7bQ5qRsewIUdjxBmnnGWtGtQEcCvaIM3ikwQEXmZByWpwwNgyecvFoEmqC5WcXfAirO2ayjCwSKl7rqEZwpKeG1FZwrZiibxIWRZ5pyX+l6h17TO5R5HNHW4OGaW0o/hlv24dwavT9893b4C73/R8fgnD8Px8yTOHZHdH+Ga5KhFBniOiz/JMI17g0j6IGYbztDBDpa0LgDedcM1qJbRXSvwad/HD7vyOUKTtPH4DRbwWn76sQJix+Dsevw5z6PWmrwRz6PWkf40/6n/4d1NVtOQ00bJyFfXB7W/Fmcir7YvPkRt/rptrX1H14OplYKZW5kc3RyZWFtCmVuZG9iagozNCAwIG9iago8PC9UeXBlIC9YUmVmL0luZGV4IFswIDM1XS9XIFsxIDIgMl0vU2l6ZSAzNS9Sb290IDIgMCBSL0luZm8gMzIgMCBSL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDExND4+CnN0cmVhbQp42iXMyw2CYBRE4bmoIIjgA9gSGjBha4zRFf1Yg6ED2rAFOrETg//J3XyLk8xIWpZInQQGEaxMpbc1bCCGBLaWTJJV70DbBvo5cP34IoUMdnYbveWwh8LuF28lHOBoj5e3E5yhghoae/7C/fCV/oxrDcgKZW5kc3RyZWFtCmVuZG9iagpzdGFydHhyZWYKMTgzOTgKJSVFT0YK"}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:11.580239+00	\N
8	ines.roux@demo.tierslieux.fr	Booking confirmed: Poste 3, Télécentre de la Maison de l'Emploi, 21/12/2026	Hello Inès Roux,\n\nYour booking is confirmed.\n\nPlace : Poste 3\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 21/12/2026 08:30 – 12:30\nBooking number : 5\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-5.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6UFVCTElTSA0KWC1XUi1DQUxOQU1FOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2kNCkJFR0lOOlZUSU1FWk9ORQ0KVFpJRDpFdXJvcGUvUGFyaXMNCkJFR0lOOkRBWUxJR0hUDQpEVFNUQVJUOjIwMjYwMzI5VDAyMDAwMA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZTRVRUTzorMDIwMA0KRU5EOkRBWUxJR0hUDQpCRUdJTjpTVEFOREFSRA0KRFRTVEFSVDoyMDI2MTAyNVQwMzAwMDANClRaTkFNRTpDRVQNClRaT0ZGU0VURlJPTTorMDIwMA0KVFpPRkZTRVRUTzorMDEwMA0KRU5EOlNUQU5EQVJEDQpFTkQ6VlRJTUVaT05FDQpCRUdJTjpWRVZFTlQNClNVTU1BUlk6UG9zdGUgMyDigJQgVMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9QYXJpczoyMDI2MTIyMVQwODMwMDANCkRURU5EO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIxVDEyMzAwMA0KRFRTVEFNUDoyMDI2MTEzMFQwODI3MTNaDQpVSUQ6Ym9va2luZy01QHRpZXJzbGlldXgNClNFUVVFTkNFOjANCkxPQ0FUSU9OOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2lcLCBNYWlzb24gZGUgbCdFbXBsb2lcLCA0NjEwDQogMCBGaWdlYWMNClNUQVRVUzpDT05GSVJNRUQNCkVORDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:13.422675+00	\N
9	ines.roux@demo.tierslieux.fr	Booking confirmed: Poste 3, Télécentre de la Maison de l'Emploi, 22/12/2026	Hello Inès Roux,\n\nYour booking is confirmed.\n\nPlace : Poste 3\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 22/12/2026 08:30 – 12:30\nBooking number : 6\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-6.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6UFVCTElTSA0KWC1XUi1DQUxOQU1FOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2kNCkJFR0lOOlZUSU1FWk9ORQ0KVFpJRDpFdXJvcGUvUGFyaXMNCkJFR0lOOkRBWUxJR0hUDQpEVFNUQVJUOjIwMjYwMzI5VDAyMDAwMA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZTRVRUTzorMDIwMA0KRU5EOkRBWUxJR0hUDQpCRUdJTjpTVEFOREFSRA0KRFRTVEFSVDoyMDI2MTAyNVQwMzAwMDANClRaTkFNRTpDRVQNClRaT0ZGU0VURlJPTTorMDIwMA0KVFpPRkZTRVRUTzorMDEwMA0KRU5EOlNUQU5EQVJEDQpFTkQ6VlRJTUVaT05FDQpCRUdJTjpWRVZFTlQNClNVTU1BUlk6UG9zdGUgMyDigJQgVMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9QYXJpczoyMDI2MTIyMlQwODMwMDANCkRURU5EO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIyVDEyMzAwMA0KRFRTVEFNUDoyMDI2MTEzMFQwODI3MTRaDQpVSUQ6Ym9va2luZy02QHRpZXJzbGlldXgNClNFUVVFTkNFOjANCkxPQ0FUSU9OOlTDqWzDqWNlbnRyZSBkZSBsYSBNYWlzb24gZGUgbCdFbXBsb2lcLCBNYWlzb24gZGUgbCdFbXBsb2lcLCA0NjEwDQogMCBGaWdlYWMNClNUQVRVUzpDT05GSVJNRUQNCkVORDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:14.105234+00	\N
10	camille.martin@demo.tierslieux.fr	Your invoice F2026-00004	Hello Camille Martin,\n\nWe received your payment of 15,00 € for Pass journée.\nYour invoice F2026-00004 is attached to this message.\n\nRéseau des télécentres Aurillac - Figeac - Decazeville	\N	[{"filename": "F2026-00004.pdf", "mimetype": "application/pdf", "data": "JVBERi0xLjcKJfCflqQKNSAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxODU3Pj4Kc3RyZWFtCnjazVrRkis1Dn3PV+QHrq8lWZZdRU0VSwEFC1s79w4FW9Q+TEINL8wD8MDvrzrdnVhud6a7E1hIcT3pxO5j6ehIcgf2Xl/vQP9JAVxKWWLYH193v+68Ez59ev7jdPnyev8pOL//+Xf9ZtyP/3/4cgf7P3YxuSAYAuxDQJcFMvH+dQdZr6fAHMvrv+w+7h719dai7dmvO8zZZfQZ0pZV27NfdyGxY0+Em1Ztz37dcYZuD5LDllXbs193guwQE4VNdi2cJd4lAo+xctbl+hZnlauW5l6/anu2ddb6VduzrbPWr9qebZ21flUicCAhedozRY1YkayLxhCcB/GcisuLCdCabICuX7PEGYOTEFOqcJ4vb8FZrFniXL1miTOji541eiqgl+tbkJarllCnq75/Pq/oo/4n++kfv/28+8fTDkbdvsRuZqUSIYf90+vu/Xfff/nV95/uERwReZ/2Ty+7Hz/xHvMDJx1DePDdEE8DSz+kfuD+s/6dpwf/3/3T17vPnxQXjnDqPypcEKOLpHatcH37n8+++PDFFBfg+WYdymMPBPoh90P/lXAskXcgL+iWWg2jqEjq5LTQbCOuHgn0BgIy74bPvPmsOciAueFFwOSIk2rHCc8P/3x8/PhhD1S7sXfY4MXBfYXDunf9Rf98Gp4P/Td9aUOO5TBexNL2G72f1PKBhOr9fHz897+++Wq6n7b7DbyBnM1NTu2wgRMsjjmoH5Y6YcAAP5WIIBpX9/uCYAa8zqJZbgRySbLPqYO1jgbVxZdy3nCRaYx+hMsMNgpR3el+jEG1Lov3WaptLqQMxXKbg4INwjFVjD+FQORVSkQEQr2Fvw2BODvKOfo4Eoj4IXAnD71KhGdDj2Q0IxlNllvkQbNjgqRDBWmps8k47Xgd5gYpAHQMmhZyjW+VJ0fC9dI7mJjDvJrZXdrp474m0+ecjaDFRICMNrP5ETJpJRAmBrNyYQuCrZVA7uocZKohjbWAXxLSIydf6jhf797CRkpE0WJMVeeadwck5MvshP1FNBo6ZP8LT6mLrkNsYLcCNOZny2xu6Pq1cByrupeWruOMSy2yWTpFdTAzeh61o0KeG94a72mALJSVyx3YGIzNbYcbjSDEFLDBIAsmGbxc2aqwE2EBqmVyLEGtQ4agN0ZXWpzqbGuWUaqGFFskzlks2kRijohwxhJLFlK/VezXJzBkfDYJZcgPB/Pu2PoK2XBvwCKv/SBEwXyG1d9abAj3hlKpiTSJlXBseN66bmxPsGTMOFjdMrpYhcOxVdhsrFM0HyTRDg4rGyxNXWoK6U0heLHQyG0wuxgihG+XPAqaxlIORDXsBRltlgSIOkmQ5FyP5pKUIGa4gY2zCEhcYpEQzjSUB2275/TBloAT5tX0WFU+D9mh4lycqZDfWHro2tAQgamhrd2NrHmCzy4nZsA3awC0iel470IvJHTS8SGuzP1oej7bg1g1uCksSlMtKwVGi4VGO90sUZrsqBL7cSYNlPAm6bdC0uKU1caB/FqivKPYLfBcQTrTfx7FJDOGtfYAMN98wx4dTJpsy488AClWlBaJ2ZxwNHk+DIcSXsiWVS3tyeQgJpRUxtbcSY0tUKa1yPbyGkR5G0FdUiEaQuytsxZr2iv4OiOuDzGJTmuDkOM+QHJAEnsKLzWYOZsa+tMq59/9MEIziMvQvWrQ12xqiVLsm8hFTnAJmvF8a8LqLa2qOBCiJEvtS7aDDK024tiotDfWS0lcyCAhbjclRnZaAoeQG7YkQwI+bqqOIDgNIb3PYiOSqVaPpYSMtZzV4OPVwnSaMPBQVtAb06+WR9p+J85rjF8krbktWP+QiiJmSoka/uGWpdpHcUaIg5FsgLqITn0RnXkw0nqvsxbCIUHwtNjrWlximnYbh5meJ9meZ70DWbJT02n7tz16tGZwEtgLt6KnYcmCwny3w1HF7QT01nmNsQkLRb9yxHGPYIkCLqZOUDYGy0iOWbxVJcH+1Nlr7zL1y18dC0W2iuAYBD1dPxKjhxAKbphHNWNA/9Q+eDpVbYOoPB9mTp60xe6O0E+/SjCQfhzOwasiFeUUKX7u65eGcjiogVQedsQTyEOaLMyqoUTqqNha2J7AQ3180g3TM7UYnSQfu1C4K9TyUbbvHi6HGG4Isam6rQ8qShr2kfQDi+heIbW5LNWKyXVlU/eAXqnDQjnK30qPgg8uZhbBGuEdjfd/Sr1FCFR7m9Ob2+Li4mtmp2rb/S7jDV/fLYeToEMPkbC++0I/3sXiXROPkYB5qQ08tR4yzklc8e5gTi1Nfqged63yafeVyVlXFO625TVLVNuaJdKtDNK8hBkhpLuphX73HdKFdhhvkQ1AJ0gAsYb6J8iGOaj5a2XD7u0t2UjG6bTI6ZejnohaD3IuO/j8kOHtn1G1DpTtDNuMmyaxetB106+xUnI5IMRU7WXTA/exidv2bB211AyZU66hrPuVxHrHKszH8fU/dj9eEgplbmRzdHJlYW0KZW5kb2JqCjExIDAgb2JqCjw8L0xlbmd0aDEgMjIwMjgvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMzM2MD4+CnN0cmVhbQp42u1aCVAUVxr+/z4GBJUZTl0PZhwBWaMcw6HZmBhPNIrRGGMiHoAMhwwgAyqXaEzWHGZdYzTiGoMsUROJB5KNa9BVjLmMUcugokE3IURjRmNRHijMY//XMyAxbpW7W7W1tdXfV/36dff7//df7/UMAyAAdIUlIMLwsaNGj9FmaXMA8Eu6u37SUyHhlsCmPnRN92BaoiU+S3drQFcAIYWuv0+Ot2aBCxGAj++anJ5nPv9I1RcA8gQA940pSfFzA2u/W0Tyj9DzqBS60X2H50267kHX/VMsOYtO5nsNAwhqBhjsnZ6ZGO+/ud92AK0NwK+rJX5Rlvth8QiNPUOHPiPekhRQ8fhiAJH0I8vKtOa0nYPn6Fkzf06HAK4gtLWRN+SX+4tiLAyEReQf9/IuXEGiEQrazijyvwZJuFgY+a413Mq+He5x9B4dpF25I8zak5xaGT3b45Eb4O+qPPl76IZn2s+3slu3exztkkxjybJ23dIaoRpkipNJLqHLvo6zeBrMgiepdHcVRY0kCBKNFRWvnHjSPHou+anXV2i8mTeud7FgwxzANvLYaTP56oAAfiQrKvO6UuuuRMEDdNR6gQ+1ftCT2v5EhEAIojaYiBSxgdSaIILaaCLCUCLCKIihdjwRYQIRYRIRYTJMofZpmE7tDCJCAhFhGxHdX3B/wRk5wemNtyM7dJbgOJ1DySMJtNQG0PyDIRyi4HGabQzNNxmmwjRIgmRIhXTIhFzKZin8qK9QPOYSA+Ah0hBBEiMViScViXinRAZk35Voa3hA1rTVXD5zb74fCC5UTeSd1IWSEQo5zj6CL8xy9nmFTnP2RfIgytmXOvVl6AF9nX0N9YCikQRp5NU0isBTdM4AKwyCERSRdJirRCib7qTSdQbpCacomihznaX0HXL6Drn28/3HjaSnWZBHmlMpminkjZ6inUg54jOEEk3US6ARXGMqPbfSkU264sFCWdHDONKTSLboKTvpRD1VSrsuq3KVRGdu+wJq59JItweYNapj1qk00wKaK03xO1mxI55k/rUZf+l9Io2NV7QlKRLxikd60sIjm0VjEkhvKo3Tk3wmzR6vPHOjLMkwoq3B5ZB8jVabH/SiNWWiOuin8fH2NYVHRUYEBoX7+nhrjP0CIyOi0IgmQ6drv07jNKaxsRNjYiZMHLv31Km9e0+ftgfUi++cb3ltb23tXn7ExMbGxEyMFVIKsq0FBdbsgq1n9u07d25fdV3rSU23un37zp7dt69ua2G2tajIml1IFbiTNYmSxhO6kUWGQCEywjPaoBF8vD1FiZ0ueX31OgxesqSYNd1C0oMHb1xhv6uvZw+TZDlrEpodkl5RnpERQpDB19PHW3ApX0LA4HWrXy9hTVfxk/p6PHzlBnvs3Dk28hbfjSysXhiKy/hO52XQiUavE5hyq3YuLmPH2KuYSyMysVpoEC7wfYFGGDKFHPsK4QKr59InaMvg0s5nJMvWkWgR30kS2hrkEGecAbWBxn4anZYHD7Vg0INOacXtqYWFaWmFBWm4lB1gZ1kdO4DDMQgDcbhgwx6NjewSa7x0CXuw15gFV6MVc3A1s9DcFymZklzLs0pzy7oAMkBnuIZT2Z9xBmbg1BYbuomHY1AT0xLJbpJEGYB0gSzqweNLg/FRpESSXS66R9GklyjPLkKssKrlkGAYN+a13OdO5T/P8rErBi/+AnuxRuyF345YPCp1ycQJGDNwkO1k/sld3NM45S1RSz2Kfxc0iAadSWfk1uiEJvYcbh6OFbW17A17mrTOvlLc3jqF/ciuoRbH8xhupDgJJN3HEUMfbgr4eIOhX2CQri86qo0bWSfusy946NlQ1GEo+4CdLb5dkH8ufsWmTSueqk6Xa1njxa7d2M/Xm9jVsHAMGTPm5dwFLw0cRFYV0wxG+Splov8vax11g5FrpinDlSkdaQn3FRqTCOakJFwwe+uTFQe0I9bPaMSe7BPWzOrZQczF0ck1wrfLnBCOMtuggX+rDgtj1+uusQv4MqZiNm7R8+hQfjRB5J8L7/HgoEJRGmPfPJsVCcF4RAhmRfatWPIlatk1ufbOQCFAmMJjYybL4yhjPQECuqOx3Tw/xW6+MsiPaDku7Yci9iqbgFWYW/RD2rzj1q9stq+sx+dNiR6CmzAJzbhpSDQ7Mm4Ua750kTWPGsftqia7hpJdrkp96pxxRoNe8nOsHY0UjMKwV2y3m6/Yb+BanIoTF6aazamL2E5imlTZOv/yhfOX0Bifk8Sat7zLbiXlxHOrSbN0hDR3cWTUwWrJw54tJNtLWDHlqp5dZvX25c7R8k0a7d55NI3HpcIQWhTF9s+4hP1TYSjFJY/LKLbLLyu178WleOlKBqq4DjeqhWLsg2G0iBsYK8altVn5+Vmk5fJPdvsdaT+bbZk7N51rMrNajZki7EF7IcjG9nWpI/8pSzzGVCt8RxFX9mUrmRlLMBnn4ZrTX+Agtoo17KzZX7WrpqYXrsN0ur+BpbBVreyNOLZTI7FW27U2lH6yoUR+UvblNKUOOvx0k+cwHStmWh6RllipEhzjlHrR8HFdeKm44TJcga/iMvtpFinXtlRKsXcGku3T2xqkw1IBSQR0quthGKAzRFK18C27v8H0iyUulGXNnzE56RVMZW/GVC3dXoce2O/k7/9g/eRp66UcDMFu2Dxh/KiJqyzBy+1LN5tnHik7vKf305MGD0Zd7z4/84hVUE3O0nhTvnpTVbavTppbVJYRxY9mDvIh90Sw5uVZafMvGF+Vewzd2M1juVXj2Xo0X9xaWrr13bfffleoTZjJPmR24oczE8pILUWA+xVJfvXkdamsUIdn0bpOa0CKHLd60totW9ZOfXP41PefYSfYezgNQ6Zvk4axb8JDd7z11o7wMHbO3x+j0YcY7c93KrK9O02i5bYjT4ESKK7SFO4rdnZmM9/Lx1fmHmM30e1Yzu4y7kt2Xp5YLUy/bStLjMNxKBLHzWz9nHvDD0dOZDey3ZvXE/oYlA2sk+F6kB35kN1aP+q2YcX8K0XFVAHH2Q58AvuhKw5jf1w4J+V5rWAyL148chSzhYZhJPqhJz7Malabi3IzuB9sjNxdyiMvBjh2hn4QGcFd8Is08Fnubp1ip+1O3Ez+HGXXsevR3Mrx5N82Vp36ceKsqhk7y22ZhYusWYWF+xPicOSdFnw8LnFzq441sQa9Af2iIteXi5rytevfLl+ztlypAmo8Nfxzcqd6rkAzzy5bL81pKaWP/9/wbN4dqYxTxmi8b9ucz2RPipayAxkidfTxw5FvnfNNEO4re7J13bQ+MYOzlnDdk/+SUfO58J59Wib+aVXGb4xB75fY66Q55QkzrzqjH0T6HO/czq53LGwtCAcXFhUtzC0szKXFNZp9xC6w8+yvOFYs2LZp0zZ+ILDPmI34GQ5Bb+IQh62ijXTrSPO9RvqJtpCZIa+s4RaO3l3k+dsBYoivz6537K3SnD0ZSaJM8mlU1QkkH9S5qv1R8uV7V+d3XQippw9bpFbys56abU58Iv4x9NpPr547mVeK5n2bk5o2zvLYzweutyaepWK/Fhpqihw42L2LsXTb7iqjEbUREQ8PDQ3p5tq37J3Kir48zlSLYrm8ke+WStXrvH1/Rx3aIeg9bdIJJpzPVj4at4cd/XpXZaW8kdW0AQuIjW6DXV/jOQR8lGsppehqpDl8XXqR5958c/RzWN2xlAJLMUXorvMdS/nimZ78gaXmCFYJFVkz2JXByxf2MgZWlAjBLaVlPGMI/lQBbqTTXfnk0Av5judOefmUpWNB4yUsoPNW9mLrbfaiMEwwsiqcYL9gP4gJbCMgWqSrYpnGzGuLZIzCcvqYsvJjjZm9BPTtS1mLGrNnIH3nAq0LfZ6u499A2+rovivt+WHtb9UgY7RJiXk0daLuvmE1LgYXQ3fkblLHsZRl19nHstgdVvJE3fQEJOydvnQivWM1WcdmT96TWLx7kNBrGvMS+KP3n2W14TsWJ34wlb+J5RuHuvv37qP3OHQTBf4+jp1UsOCQtn//bv66Q/n5kybd//vaRIVpsFzhOtgMVcTvwY7BxBjMwz335Sk8JUhCGDGGmHAPlwvVCo8TG+9HUS9OFheLO8TvxO8kI3GIwjHEDGmDwmrpjtxHHqvQ/G8x97/GpSpVqlSpUqVKlSpVqlSpUqVKlSpVqlSp8n+Ex6SjYG7/I7jw+a//MO4qwYj2vrgVdtJR3nHtBhZxCmTS+QS/lldBAh0X6ShzXsfRsZGO4gf9xylNmPIfNCBfALOmnP8GTf2FjrOm0nH+Z5DroVrTyR8516GrXeeDQDbDdHkvVEj7lXOcbIHpyv29/D8wKEb7+W9Uzng5+3IlVMjFjnFKXJpI/hCkiSehFz0r7dAdzH+JuT/uF/v/BBKgBf7P0J4LFSpUqFChQoUKFSpUqFChQoUKFSpUqFChQoUKFSpUqFChQoUKFSpUqFChQoUKFSpUOCCvaqv7B9Uzz6gKZW5kc3RyZWFtCmVuZG9iagoxMiAwIG9iago8PC9MZW5ndGgxIDQwMzIvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMjYzMT4+CnN0cmVhbQp42q0XC1SUZfbe/zHDS0QYIVNhhhkE0wAZmJGQVwoq+QKNfAAyvEGGYRxUiJSIzHwd01RE8RFrVEbqmm1m5bbptqa5tselMnWtZTuVWpm7HkyYb/Z+Pw8f2TltZ/97vv+/33/vd9/3zj+AAOAFT4IISRMnpKSK4eKDAPgRvS2YPjMiqvyL3xfTvor2mflWS6U0XloBIETSvrnY4qgENQEA5/cqLq8pGud8Yh2AOgzAbUtJoaUgNP6fKXR+HNFNJfRiYJj6WdrfR3tDibWqeoOvnAYg8ndV5bZ8i9FmyiH5XN47Vkt1JWwXTxL+GS1thcVa+MAnKd8CSN3EM7rS5qhyfQxziXaD02kJ4AaCy0XecL+yxWkwCqrJP767dbmBRBzguk7rM+X8zy86obay4QA+us4lN1b6hEMB+N3Bka1IFXIOpfywLGT+wHHXIchNIXwR2fxY37NzSfdln3C3TtJHlvXJljYJ74AMIBvlJjBhIH+6UsRPoUjwJZGebqIoSp6C1GPHrWtGUUoB6MjTGpWGaXCr2ooduYB/vNjZZzP52nMJ4E06eRwGgS/dDQQIIyCU7qMJEKIJEEwQS/cJBAipBAiTCBCmECBMh5l0fxTm0H0eZPV4TIuiB5reKGsompQ/CAQfeuNN1kVAMsmbDOmQCRbIh0IohUpYDDWUGZ6ncKKPV+gz++nlsBCqXS5Xxy/DXVn8bZc3DPsV8BBBOWzrhz13wffwPUbgBLTjM/eEEwRd2CXE9UKGAhbhJeHvokqMI8gWm8UTYqfkRTBamiKdgqI+E4UPf5trogfkCFdccf+HKIFqjKuWP+WLkKbaTV101yXc/Pm7O86fgjTl/FEIkhdBnqoOVqvGQPOv1S8XgZ4/pSNUh3xv7ZHXr/8IJN6Ou2VConyAVh2kyYddV5R4XINE6ShoxDMwm2i1shnqFVkjXW2E80tN3U9VLLlT80RCSy+O4A9renEB7oOqXlyESKrrHly6DZeJZ3QvriIMiFIIZVTbmbBIqfEKcMCD8DDYqKoKqKvy6FkKdqIWEk8h1b6D9jbi00IU9YcRzHfI0PZL0fZL0d4l55fe31vOeOKuhBrSXArFUEI+aiGMenGkYkEkgZGwPOLgGkuJ7qC1kGRZwEo+aql/K4g/nLBk0lZOz4x+WQ5lV0hP7ttiuhcQp8ev0Grq1zqLNC0mXWVKXIoVOyx05n/TeKf3+cRrUaQVKicsikdaksIjX0k8PZHLp10B6bUSB6d5UE3w3yVfbOCzz08n6vZgySOsERvYUkBXnOthsUZu5zQ0ol5Y/033nm/k9p+s9GtEfSSvIJqapADSSVRAFL93tm1ki8QpeAjd2Abmi+vnog+7KrffHCUECYl8nqe5OuST8lWaSBDijXotDIr2NZsMxij/ADEc9cEwSONvjDKZpbOr2EJ2hm1ZaGtAe3vVpZqE3PdtX7Pj771S2LE2dUwUpqHP6xjfsLXVPJadnDyBNbPrbccmT6P6pj5WpZF9bhBAKkUjVzJCjzqtFBCIgzWCWiWNRGHL66twAD506gSLwE0YjMG5lryXGp9mv2ObWZl0oNuO4Yh7D6A+JT396w0nWdPj1izuAUkXTvdGhvs9DevZBVbHnSTdaaxd1UD+BdAvE8jkYfCI0HCM6XGSDPEB2U+HZE6/pwko3PD0H2I/nlFRayurR8u3+AAuYKfZ1a/Yeoze2Xic/bhjreP1xHHJQxET4tO71r2JKfU7t7E32HX2AQstZ4el5v2HWBO71nbEMn/ev7iVQRTnDLIjlEeAB1Y1WOMfhNx/0AUbQv0CkZTHRI+IQG4e6KIkOSPBfr70uRcm2nZ88BZbxz5cz75cGb+86/GnX0xbun3vHizE8Bpwya3s2Fjz3BnG2KGhUe9u/jf73BSDKVOnlM8yx2tDRx3e+C0OCSEL8sj/bqVKlOoSdX66Zjk3lvlcYnWXmI/czi50TZMOEOdqV4dqFnEGKNXkTSYqgaFTAui0hphok5lHea+He2nJms2GvYQms01sL+tkVzw85fbupyLThuVZtr8t1nXXsz+wTzs+M8yJ41Gg6aw6RJJV3AY/nq5mrHhTKMO13W+wGLm9a7eUdZMnFPSuDqlDqqWKpi0q0SIbEjFE1JmVLMZEG3RGSlYMz51K7ZdA8fMfrFEJLc+sTJ9YsXGIGzYsZVsDZx9z7HwbH8GxZyQRl9baPraYKi8v++maO96YmR6furxm5ApnfWvB/BfXfNIxzNtLfnh8eDgOGjb81X3B6fwrhexoJTuG3Z43Hg2Rd4shpq9bpNbYSWvG7/vHqmWzWiab5xycx26wjtI8K95/6NGXpXh2PjLq8puL6qPGsHNBQd99vhKFYntFEPeUd2AQaRiu1IZap+nXoJL0PdHmGiTyLaTfXdnNq/uw0NBg71plbmDOZ9hN1jHvsWIM2teBnp6sRRRzM0qfDxVUsaoAlbV8wnh2KTLi2oUnfyyofuLaqbA5tgFDB8zIoa9rgf/KCe0q/q2l7psetIZgyTnWRLVYEssapdyuXfQ9eJ7icYu7p9usWML+xppUmp+u9FDVF8kXnrO+hKip0symXrsJ7/eBV6Ba4ZKlmWcWbn7N3X05a7SL9yeaitcFlbNGx0CvBHP+puHlrOlzLNHNOlJc1Sq2Fle8+Fzg1DHOTGHSwCf05qRXtjvPCpMemeo/NnFfo/OslLt7fu6SHlvkOLJlCM/cPdWScfLI5azJ7jVgYrJtZ1Cvnvzj1m0vuwt7uIbY6QFJqa81KWItOS3Pa6f1ZiyGJHtSzm7VJokXlSzRONMH9+ZNhNUHLdm0km5i4NzMInbp1U7WkZVZgIPF2u6jZTbnsdIKBHau7of8xdXs3LIfC6qqKcSuKyxTLiMdfkBFEsKT0m+zWqn/2/XiXxxsCz5ItmccXPDu+amT5n3V4HgBk1fty5+9Yv/8FudBlcfuvOyrp+v/U7DsqWzR7Pooq7TrWNEC6ImTlEWaBtFGKfDbIhQgDQ+ZG73yDW2REprQie1P+UXqxIjB/vtbnd1S7ntldkkiGRrqklqScY/pJulo4t413Qw6apjamNKPs8scSTnJZ/eyv7LvHFeXmiwXquwLkwqS39uNQ1HtuEiNcykq2mwMNGi8wtfXHz1nMOCQ2IdM0YawwV5hzavePhFE2meTB77yjt5Mi70jK45wPiZocOn9jH7Cl/FYYWQbsiQxftJbRnamZY9KlbV/zIEEeQd73wVshI+/R3iYC559cliSDs8hVTDJrqVcO6RcLnvoXcOwfxCZVjdgsd3LKzXZtiuwHIvPskZd1onKppfd8KDQ5nwrdkZAYmpbkxDatWu3Jbdlo34aj3s9/+YkybdmYT2mrcdWXOCsYMul3O5ronfXLuJ0tRFnDnF6ArgjZ6W7SAf+zD7FqlbU43Im4Fi2ej87wmqFeEHPDuIU50XnnzCP7eD/aViqXEfnB/Zp8sZRaFbG6QrM2Iprsc4Zt+TErrMh9tmWETpSfUN06zKdrr8clzbuvz7fvfgKZW5kc3RyZWFtCmVuZG9iagoxMyAwIG9iago8PC9MZW5ndGgxIDIzODIwL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDQ2OTk+PgpzdHJlYW0KeNrtOglUFMe2Vd09M+CCgANoojLDsGhQUEfEJe6JQYKKBjWiUYZNXBB1ogbBIGgEQwwKghHZoqA8RL4i4bFJJKiAaKISVIJ+o3zXGCU+/SpM1/xbPYNi9LznP/+cf957p++1umu5de+tu1RVjyCMEOqONiAWeX/w3vuTzRPMP0cIX4beuKkTfDyGHjOZhRA7GNoPp3/kOnSp7qdiGN8E7dkBoZoVH2ge7kSICYT26UUa7QokA0SIzu+2aFl4sEPl3DsISZ4iZPEoJEgT6HD8ejzM94Lx4SHQ0T3T8iG0+0PbPiT0089cLtpNRMgF6F3ky8ICNI8Pti1HyOYelG6hms9WdD3BVgHtbSiK5ZrQIOUnY+4ixNkDj59XhGk/1TcjX6ib0HEoDDJBjF4Pq4N1dv2C9UHOKAR1o61OYII4oBBAf4nOfw3ADFko6YuQGXlyoW2G2dw/8QDuQg+zoCS47fzbC3u8+xjZmggjvw5Om9PxfnJB52U21/SyIJXp4M2Z4W1IAnZSS3ZBs5/hzV5EwYwlsOwqZVkTjmE4oGWFVRnBO/j9QDQeKRT5UjmR41RZKG7xQ1h/Vd+hM6zVAAySw1xqBxNAjLoAYtQD9YWnCtnD0xG9A8+BgBgNRkPgqQbEyA25w3MkIEbvAWI0GU2F53REbTAPfQJPf0CMVgFilIcOwLMYEHfd1HWTwSpGzeUGT8CbQyXwfge8xIEmCuSAnNAoNAF9gKagacgb+aDZSIOWoDVoHcpCh9Ad9EiRr9cLfqW0A2Hdk4B2KtDOFGgD0DL0mUB720Crb/m7+IMB7176syf/LlDaPqB/F9T/lTFv9G43JLsimDsGotIPPNpoGKL1ztDRxiHG+qw3EG0GfNe8gY6+BlohkjvqnXi81O/bqb3qRZ0ZgVB7AtTfFabJoA88x5kC1WDkaaxjZI2GGes00wYa62ynfq5TXYJ6GSIA6lKoIYimIPCxBvy3Gn0E7+VIC/UgiCMtWozCoK1AQ5ELxKE7mgjtMLT0pTmK57MmwdgKFA4zF6NFkOOfwlh/iIkBAofBgGqo+QOFAjgthnEtlFXAS4NCQXMFxNJyoHeB2gSIpGXwnvmcl1ZoBcGb6rYGnoFA2eUNpA5/LtUHJK0BWUuEdS0S9NDAnP+dxJdXHwC0GoFbkDBDI6xIAVyo5VYAjT/wXQx0CpgfBtI1wlgX8MVKfYtsgKQVdUU2sAM4gX0QtpNaya3VQ4e7DXN0GmptJZeq7Bzdhg3v3O+gxqqencYk5+YEBMyZFRAwK6OsPD2rrFy3c3aA/5w5AYHskCydb5ZtRkV5ZmZpGbN9x6aY5OSYjclRl8vLm5vLK5oZTXLMph07NkWnRD37m7R7c/nRX5oryi5DXJ1g83AY5A7sGdhCZYHD8iSNfCPjTPMvQ2+JqxGh+6W72opV9WxtyI6eSfLJMTyejgfiq0wUs5HO7am0UgYyb/M3mI3ZMNIMwwUwkxVmqpobGggRMlo/kSk0SoPVMSZ5/FMQ+CwUojpW38IlGK0E9mEszC3VQy0tzBmnocjCHKns6JOJT0tPh3/p6e3YlDxpbydPsKnEm5whp6GcAaZqPAyrs4iWbCaxRIu34nC8Dm8F2dcg/31BdhfQSWkhcXNQW4DSBHuSXTjoFPbUZedxWo8Sj7bGPKBOAWpP0KYPQg5A5jYcuY/F4BSVnVTmNharh3LgF5kU4S1Mlc4L5Kg1U/dvXtjw2bqfP76N5e/P600e5eXlrcXbR4XunLI2ZeKk00OG3v5hfs6KvuQ34J8Gq9UC//70FMJWck5p5+jk1g8bXO+M3QyVl8Sx47bvJWfJ7QU1S3xqQytrSnMKipMz9n7zUeUqbd3cm7jb16yD7fFtVx46OFQPGZqSsCl539oV2gh7xyKF4lxh5AF6OsD9gcsGKzBwF0GmWMmqLcBB4HmlGyslDCZupLGxjl8gcdC1sGd06lyShf2qDdHQwgXCzL4Gb1tQrZCVHL2kONX3Ctubzxr48cA2bE9+Jg8WVIf4Hlt68NSpgzO+9ZE05pHEHj3I/bt/kMcKRf2QwcVpacX2jqBPAvBPEfxv/3J+YCsXrLJj2A6BKgWNBOVQayY7LjMzDgo29drtVdvQY3Th0mtYQlqvE57cx974ba/d7OiyPd+Wl3+7p4wJL7F3JA/JgzmfkAe/3SR3hdjwxzn96OpywS4hsDqpsDqswspc9hh/vQETXi1pnN0WLXGGqI0HHeMFHVXI9WUtHVwgPOzVQr7KBI+q7Owha3t2EIBpmPhtOTnbtu3LITkx25H+P6+S7dGJe8mTJ0/Ik2yP7RtjkpJiNm5nTqTGxqbu3hybOltRuOHI2bNHNhQq7E4mNN2+3ZRwEms+jYn5FAr1ZjToEwv69KI2cxe8YNnTDKyF3IYhtcFOdo64Qz4oe80r7UOw1KjCZb+Sdmx+HbPYghwmN7zS8FijNW3BTrg7tpw9H/f47Sa2FnIpk8zrx+zssCWV3Qrrr+ZUYBWZIctpILU2NNBc51SEZjRJk62U7AFrwS0Ud7IDpirSLQ3MZeOmthAyy8nRnkaPlLGSW9pYc0DsbiOlRnRyZNyGWboPB+NyNmBZcyRh2r6OjNi6bV14AqN8d/ei/IuXDixKG52QmDNufAhpPBRx3S/9sDZ0MZanRz8L8V1Pmr4pJSUbNmyO+zwazzz6M14a8eF08gO5zfRO2Jv99Vc52cRj6pRntbVtH3pt5BXWVw8vrfDeGD9hfDD5riqT3F0SEjpnRphm0cb16/GUo8XYc31UbEGW/80I8oyclcJKzeH+ESJkVRchq+jmxipZFVNB7jMOJOIGM/J8HL8wrlFixvdmC9qccRSJhqjT6lskTuC/3mAfGuXGyB7ubmX2vGEtcQq+FaNHpBWbYxRzK3jJ75vIQbIOb8Yfbf5d4t+4cAGpIZdIE6lZsLDBwwNn4kU4BGd+ANrUgV6HQC8TZEH3d2NEOCiF9wCMkx5hN2xLrpF6MhHmFeIUEkK8iUbi2r4W98IueCC22Ud2kg3kc5IC+gI/iP9G8KhhDzCWOvYQ/xZTw49knurG0hSfnMe35BnpVUBv2oleVcf68isYb/7QKUrqkce7Gy1BMwt2FwfYi5QW4HqjATibzqbhqkkxY7ma3Mwie8hqHI8XJGJZ2ApdPLlPfsc9seXS3Ea8fR8f9dEsvAuH4uV4l8fkiwv9yI/kHDlPfnRABr1wkuEc6qkGjU6BKm3OxhGpLYx0oxqDJ+mZqIKTsQ4PwutxFB50gkTVk6jjkkadCfu0zVliq4ObV9s141z4njCuFqxtoRQmmjMpx0krvwTmtNty19qcuWvttsjgHW6r4J2egncM6eGgpJs95wxzcRLZmpq6lYzAte0YE307OSVx5X9KjN2cuK+l+cp1PtfoY9hXgUcf4Syx6aliXTCdbqFU0N3oOWd264SIsWeavveM/+zyKVyLkW4jv4UkJicnMhXW2z4nITgqxZ/fImm8cGlrGTOdvx+7cSP91qIn8x7wjZMxSoWNxPY1x5Yr7tgEOQ/t6YU5R9buW3f9IrlCbi15sCHi3qqDFbGpEddPYZvHi3+RZJ9wH75hTUCQbW/npuKmXwe7nn1/ctznyyNtew06duDkfzmCMH0bWOgOrA12GFaIHQullHvA36/n70PstDVKBJ91ZB/s3ZB5ppB8jCd/sgE34V/O8zVgdRvujsG7eVwrs0UaTP1uCm7FYfitXaRMGky+xGuoRyJgpYO4CMhih067+xjsbqFye75nKTufy9ZM5dX86LBdpSUl4yri8uv5dszs3+lX7BNU6fu3VkYdHOGvbSoa4MVH5wVrqvYcPWYZFe/ikufkpKP6wM2QvQXyene2rNqY/3bG/GdvTUv3PnLy5BHv9GlTcz7hyQWIRemsPZxbvrNzy5kzLc7Oefb2eCzsqpZ4lIquA/hyvlI5WKaPEFlG9eFOhUDlzlsxu6ekZNThyHo90tdHHuZr9icm5uYmJu5ni5kFz+7lBmrwe9gE8D0Nsaq/daseipF/FOgtR29TzZVCALzYtOCclgmrkXFRusJuZ/66pMY/4OxS8ojU4AG661hWwuTEpZaaMQt8K2uGDSt4ZyAegbtA8k4iV47vLCrIoLaB85V5CmuguWEFvPpiQwSo3NTUC8zTQwFTsSs5V3roUMFRqXyXd0hAgs6VPZcwrVy46awkszlf0LGrcMfqOP9ATxtz5kXUjsFGw1gaziJ2T07yjpycHck5JYS0afJnzMiY+V3RyMLIH3W6HyMLR5YwY2ovX66tuXz5N3Kd3Onb78jAd45+Py/AH4+Co5TDo/wD8qj2cERygUbtQWmDeKiohXuTNRdYEhmZnF9aOvHI6qqTTDY/n8nIzKjM5mOlcj4jKPABXUEVzA2Xyg0nLN2n6AlbVQLA+bVnSeV3EKNvJrMFmq6oh0Ajlxrvjgbavd9NHrLYS5jw1YVjaZpd0v53QLsXnAW+wFMqf3bPqLesL1jNDhqCpladtX+xDCvDMga8fyzmPypLV61O2Fe6au3WfaWl4w6FrzvAbolc8/g6XdS3aXRRTMae3d/v5WM5v4JF/pHP7QNyXrGP1T+wD7Cg5jHE4GrBvzZ//p7q9L2g3ZF/IDkpPz+pFVuS+61/kAfYgr16q67u1u3amjtppJbcI79DWI6E6JPjEcC3DOImG/gKuePwXCXgxsAG0DmQsLa0dNThiNNIrz8dcZgZAbmzn5ZcvkDaJS9QQyrIU8AKDf6tI3Veiss+r7kVGVOU3opU2LUjGxntixwdVVLCuBr58QWdEjQw79l/GyzLegJ/euIbtpQXZrVhPW2nDEzbD3qXfdHTpQ9bZGlRX8kXglGDAyQSmB0GO1INzH7NXk8/Q/+819MbHBs/Ldd3yxb/HeOO5zy55Fu9LPikJuaroAPjD3zz64/BRdy4gv79fXzGT1GavbNrS1qxSlXp5jZ3xofeDj3sk2My8vuBVHcwzENJhiEaaJrLrUfTpHd0o+lugdfiCPLFh9qjRxv3xMZKMsgPCXzWlmmpmecZvwQ8llq1AKLhYyGe5BDTkGYGwz7f+hxxAY2ogyUlkw6vrqrFP+EyZh+vycyszGYi2rPygwNa2VzQZAzEZRTnJ3wHCEeJakw1XoAXVJP5bZyfzofNb8+i8Tsa6MKBDm5CpowKDhNTevJwgWQpzmsiZaSsCR8hq5rwADyA8+Ov8lW4hHgwnow1WYkTqByIAioHslZihg05Ow4LpxeTNG1HZNIyLx+1kow2CA+pXZfqsdmHm6bbwS6D2R+Dj5thtuFeRTdGN6xcyS7hvZgi3XqmiA/i/HJ1zUm5rAPYpppdzY4RvlreeuWXB5sOz4IvGeS9fLm39/Kw6ePXOLu4lG6OLSqRhIV5Tw8NnT59RfQQl0GrJm76a1HsZggxjLXcfXam4SwVvuXja0jZLjhK4/R6w/kgDbZ0RB4ImcvQJBQP3/6v9q/p1L9a6J8J/VImTkttXAUSxoEEKZXQU+UkU+HiHY/ji4riqZjHjw2/KBh+NRjyPF5lSpnSDBZlbQOVFweTHWJV7uphdJ1uULGkWcYlzPtLcPopBTPBnb/JYMzgyhHkS8Wp9OC/zJtb6vc7qe/f4B6P8Q/uaf3x8Hv+pXDbXuxbWx7Ry0WlcOkVUX7KdzG9cdthNsLGVaFytYnAGNt98JpfCqcBzn+Oy1A4+gIloWr0C5x7k3EATsLn8Q1mELOUieyEf7DdAcewQex6NpGtA7xgxEdcN0BXQD8unTsEeOI12CjpDjhSsliyW1IuaZP2kbpIpwDOln4pPSC9KJPJ3GWzZdtlhbILsruyuyZdTAaYjH9jXGrE8P8n/MJk+2sxTUQRRfynxgIRRRRRRBFFFFFEEUUUUUQRRRRRRBH/LbGNO4OCO34EZ+Jf/WFclopWCmNqdOLPY0CfwbSgQHg3M4UISWxQLJRrUFKgpEEJhJIBJQFKLpR4KNFA2/q6P9c1QTA/nP69APBKQVrpAFQnMUN1XCqqk6qRVpA5n/5FxQuQ3gIanaGPazC8JQnQJ0exXAv9CwVoG3n+I+AQyuNuoQihHoxWAo+V3D20kjmHXGldYonKmJGoihmpbxZ0gbqsHpXRfu6GQF9G6VhPaDujMFaF3GGsgKug/28FPCvQaFrn1PR/iF6x5f8JQPfql9tYi/6NgPqBljemv/HmtCKIIIIIIoggwiv3iirRCiKIIIIIIogggggiiCCCCCKIIIIIIogggggiiCCCCCKIIIIIIogggggiiPCvARIbhP4Hni8MQgplbmRzdHJlYW0KZW5kb2JqCjE0IDAgb2JqCjw8L0xlbmd0aDEgMzUwMC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAyMjAzPj4Kc3RyZWFtCnjarVYLUFTnFT7/fewFAoguirYCu+zysMgjruyKWkhUKFIRBERAQZZd3qygPFdK0exEa02CDEQTRwwYQsGoQWPIatCm8dWUMBgZfFQTqI9J0jqtk5nEF3u3595dXsZkbKb/mb33/Pc8vnPOPf+5CwQAnGEL0PDCb5ZFRVPvU0cAyGf4NDU+KWRe0fEjH+O+HPcpOoO2lG6nrwNQSty/kqctKwUOCUDQd84rNubyh126ACT38NeTn6PVK0/dlKP9YpSr8/GBc6dkNu5n4l6Zbyivzj3N4p4uFjCKS3RaxRnfPvSPPqDHoK0uhWb6I+Sv4k+2QWvI8e9f+g4AM4w6bqUlZeXWi5COsgeCHH8UOABltWI2Ql4Z9EoIhHzMT9iNLwdgUAOs3+Hvqmj/w4UWnIH3BHB5+f7wwxMu0aAH6SSNDNErlWmOU9Yb109Z/B14O4iC4dB9a0bv94ctKpdoh522yEZ9M65kF7AArIp9E9TES7hbo+grkEtNQ5fPSWiaZp6jGFsc4yshN0qPT2RglLjz7mQvZyC3soD8eej+aMyYq21RyNFiHaYhEVAiEZiLRECFREANGryGIxFYBjF4XYFEIAFW4XU1pOF1HZKYJf6wYuBur6w7VrAa778AN3zihBGFwIuwHG2TIQVyoAA2QCUY8U3ABFkSyrQoM8AmQWa99XR64m39nOX6DPSrJ2jBJMoQaR8cRTr3NCIOJIpUkw/ItzaiJHaKpSrttIcapAk9l44UKZPpg9zRAKmdPz856pi1EP4PizVaG38SZx12yI8sZmBcxrqDM3MLUm0+oeVZ8ZmvIBltY5lcyMR7JnMXMifhh2NXTlhcL8Sw0yY/o2MhhgkED1oBJpRVMD0wlhPTY+0TzPCEY9cyjnhAQmGbnScwA0rtPIXdkG3nafCDxXaemcCzMBNPkI2XgDD/lmGfF2I/p0AFdrYWO74MgiAePRVjj2/EpzniWdiEzwugBOUymAfBePY0k2xlY9ayJ6wn755usxQ9l4IRUQogD2ddOcoCQAdzRLRQJBVy2aghgyWoU4425aidg/YGnAYyPJkbUD8YuRcRrRjviWO+ysRdDt6FPCrxqkdNp2dAVY+hJiNSJWIVijXIE+PQos3/hjg5ex3qakVvOaKFVsxIJs4dGUZWYa+cDnd6xDWIc2cD+iHWQusSupAdFOYZUREFZT42cvQoO/jQgF8O7B3mLso41BSltJxWOBI59e0dMn0gwpI1MEh38BmUkh18FEjq+K2sq2UW9hKeBcp33CdJ7+W/6BV0sLdQxvSjzEn4fhD5vBnT3UGuoBWEVs1Th833Q20y8Nll/ix/k6/oJX3F/CFz7UZ28PSH3/P/tnSwIZb+rraCckRxtt5iBth74I9+uGCi8JFMd5/hTbyI4NHHz1/jRWwuQ0gwCZsPiMUM+OdcyPjgcnybsa+Fb+a/rLpnnFMyVHLq9trdxv49ZA2RFl1i286pNftNMXFzvcLebrzJ3w4JvRgV3bE9PcPPW/1q3RDx9EN0PN9svlgbkMo5OWYpNzL/kVn+ZYVeApZ77ODBR4NsIGriBGBxi+cE5EQlxYqQdv7R+WvU4I2RVqzKCMuIlUnGfLKYGnxHgZgRrdC4Yk5+YfOVc4gmggil8ZFwyKmEmkk4W76YoYZZUWv2WdVfV/8hCSdSAk4U1WBKP6WX5V/ION/v9Ln55rWS7N3DSqrOsvWgXvfejrO3n3eQuqfpgoMP+vsfapOn/d5Yl6q/clz4ssViFMck7jAVfDEKG6grsSNFEGLHpzgxOn9OQVT09y9XrH5ds3CpqWxN04LwaMvZZX2lh3qrNsT05Bla5snNJMRMHWpoS4pPum74Y/Oq+MS/E8O6gq/PH+AvVq5M1usOIh6BTESOxfy9x97nODBnr8U0W/5MrO+S1xNS31KnZO7Zu+LdDEVCZ9rQvdqa5JvbVu5lwrpDQyPC1/yzdk9TcHC3XD7Uf4T4ViQkKoT8EIX1RDypkJ/vZLceUqFbR1MNG02eTo39W03HmcrS2JO5xe8EVZ/gPz9h+dpUntK4YNEyzHl32MKoDq3+zoV2ElQVn5SvpbIf3iVdDQeSViXfKNq5LzEu6YYNmWnA/BxxjgIZ88/KfyxLfMv0NZqur9lxSU2HjXRImHf3VV9ep9ANGL55XGtcecV4+h/OVJObz9TNrx1+q95vrtvON9TzuwMChvreI0GVsQm3Pw4uEHLGbwQVIhH+rXDCieQUnAoPXJU5yOxvvm6WuH/T+7hF+L+EelwkRmjrP+lYiE/wKs5WrbFWDDGZtzo46NO3XfKuMZuQS/2DwF03K377adnmZrfkL2p2NTtQbZZ11P7AiBnp+k9bLfXUft/IWWtzBJbJOpKdt2VT5e/a35DH2+JgtmMcs34Yhx0bUZkK0wmTo1Ph+qbL8hrzNbNv3NWqprcdRZTmkJjpyZnnOi2NTFaXtrClQZloz48+jn6n4sbWYBOyoRtmx8xpvKHcKMS9vLfMa6En3T3FbegjyzmMT5vPOaAHD3yHgB4CJswcD/vQYRQThk4IJcwcpdCroFh+IKXhT59M4RaZa/g7d9LOVipzzqZv7/xSGvnKS8Tlq7WHmcgjAQG61bowhpqmKtUeG/ZRnp6vLk/LWsS6+Roz37/khdgmjD6b3S9WhZPTYtcsIpzYMWqNVKFRSVU0nT2bb6iSSOJWn/TuamuVSKr2eb4ZYf41k1VvafEJdnlh4d4tL3lo5FRWPYngPxGqUoE5dTNZgt9f4mEe60b0NjaD1Duw2E6O+eubrtqKjc3X2OZEerDcuuejPVZn/LWTKn7c0pVd1LrLKx29Ct+OQfSKU08qDj1F45k2auYZi+kBkzUSQ5ux5Yi1j09hBlBrCs5IVxJINAgciZ8CwWBkS2ttg3dhXPHS8AdnTlLUX/KvFO1N3lzEaEba6XT4L7MLD38KZW5kc3RyZWFtCmVuZG9iagoxNSAwIG9iago8PC9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCA0MDg+PgpzdHJlYW0KeNpdk8tqwzAQRff+Ci3bRbCedgrBUNpNFn3QtB8gS+PU0MhGcRb5+0q6JoUaEjjM3DsPRvXT/nkfxoXV73FyB1rYMAYf6TxdoiPW03EMlZDMj25Zqfy7k52rOokP1/NCp30Ypmq3Y/VHCp6XeGV3j37q6b6q36KnOIYju/t6OiQ+XOb5h04UFsarrmOehmT0YudXeyJWF9lm71N8XK6bpPnL+LzOxGRhgWbc5Ok8W0fRhiNVO56+ju2G9HUVBf8vrjlk/eC+bczp8iGlc66bLpPWhRoBakCqkGkLtRq0BRmQAUnoEGsQ46qQ5IUEMhUyBWJqjaEXhV4Eh86DUF2hukKmQaYRqEeojswGmRIzaMygB8QcyIEekAmdhs72hQgxA5d2dbHQtYhJ0IDOsEGDDSrMZzCfgWe7RT2QBilUN2vXcNFwEZhPYj6O7cp1u3CRcNHYbrNuFy4KLhyzS8wu4KLg0mAGW/rst1knuUUmx5bSoeSDWi8nn1Z+Abe7dZcY08mWZ1JuNV/pGOj2kuZpzqr8+wUc9txMCmVuZHN0cmVhbQplbmRvYmoKMTkgMCBvYmoKPDwvRmlsdGVyIC9GbGF0ZURlY29kZS9MZW5ndGggMzU0Pj4Kc3RyZWFtCnjaXZLPaoQwEMbvPkWO28OixkR3QYSyvXjoH2r7AJqMu0KNIboH374xn2yhgsqPb76ZyWTiS/1Sm2Fh8YebVEML6wejHc3T3SliHV0HE6Wc6UEtO4WvGlsbxd7crPNCY236KSpLFn96cV7cyg7PeuroKYrfnSY3mCs7fF8az83d2h8aySwsiaqKaep9otfWvrUjsTjYjrX2+rCsR+/5i/haLTEeOEUzatI021aRa82VojLxT8XK3j9VREb/0/kJtq5Xt9Zt4Sn34UnCffhmzkBJIK4CiXMgmQbKCXQOVOQgZMmRRcCXwydyUAY6gWSgDJrctR6aQk6JChy9IFIgUiJLgSwSWrFrBUiAEuTUyAJNQPO/oKXoBSRBEmcocIYM9eReD1MqMCXZgU6BUkyJY0oZpiQxJY4KYq+HXqQIF7XfyHZl22Y99kHdnfOrENYv7MB2+4Ohx4bayW6u7f0FOFa6fwplbmRzdHJlYW0KZW5kb2JqCjIzIDAgb2JqCjw8L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDUwNj4+CnN0cmVhbQp42l2UzYrbQBCE73qKOW4Oi+Z/dsEYwubiQ36IkwcYSSOvIJaELB/89pHmGzYQgS2K7uqurlFP/Xb6chqHVdQ/lqk9p1X0w9gt6TbdlzaJJl2GsVJadEO7FpT/22ucq3ojnx+3NV1PYz9Vh4Oof27B27o8xNPnbmrSp6r+vnRpGcaLePr9dt7w+T7Pf9I1jauQ1fEoutRvhb7G+Vu8JlFn2vOp2+LD+njeOP8yfj3mJHTGCjHt1KXbHNu0xPGSqoPcnqM49NtzrNLY/Rf3GlrTt+9x2dN12NKltPZY8dqRVxk5YqHEXoi5jKTJSEtiZHoyZSQWMopNRumVmpLMDl4LKjFPPwPSxHqQAqWMVJeRiSB4Bp5CmUGZooqmimI+w3zKgTToFeRR1tOvpTs1AzUdvADPgBwoMnt6oQrI44RFp0enxRdPpkNZKM7jdcBrA8/BMzhocVDjoMVBTaYlU1PTlmnhaXiGiRwTNfB6zs/hRMAJh9cBryW+6OIL3UPpjmpbVHNitpwYThicUMxumF1RxVAlcGINygxflkOZQZlDmQZZkCLTkKnpZ0s/tGi0aGa35TTREsqJUdOXr4DZffnOmM8wn0dnzFWal91rLSO+SDK1y0tYtm1fx/3W+Nj19r4s25rnqyXv977Zw5g+bp95mnfW/vsL984bPwplbmRzdHJlYW0KZW5kb2JqCjI3IDAgb2JqCjw8L0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDMyNT4+CnN0cmVhbQp42l2Sz2qEMBDG73mKHLeHRY1GuyBC2V489A+1fQA3GbdCjSFmD759Yz7ZQgMKP2a+yZeZSc7tc2tGz5N3N6uOPB9Gox0t880p4he6joZlgutR+Z3iX029ZUkQd+viaWrNMLO65slHCC7erfzwpOcLPbDkzWlyo7nyw9e5C9zdrP2hiYznKWsarmkIhV56+9pPxJMoO7Y6xEe/HoPmL+NztcRF5Axm1Kxpsb0i15srsToNp+H1EE7DyOh/cSEguwzqu3dbeiZCepqKkL6Jc1AaSahIxSmSLCNVOegRJCMVoHKnClSAClAGHWIVYjlqyr2mREyATqASVeClhJcCuhK6HK4lXEtkVrvrFJkalIEIOtwgcYOAzwI+c/iU+xvgrBSxqXv3tvZuW3Cfnbo5F8YWVyXOa5vUaOi+TXa2m2r7fgHMjalwCmVuZHN0cmVhbQplbmRvYmoKMzMgMCBvYmoKPDwvVHlwZSAvT2JqU3RtL04gMjMvRmlyc3QgMTYyL0ZpbHRlciAvRmxhdGVEZWNvZGUvTGVuZ3RoIDE0MDc+PgpzdHJlYW0KeNq9V9tu2zgQfd+vmMcEC1u8iBQJFAFyqVujTZPGadOu4QfFZlMVipWV5aL5+z1DKY2bOtdFWlQOL8OZ4fCcGVKSIEXakSZvKCVlHFnSmaWMTGoJvcyQpyxzJAU5p0la8tKTzEhKZUliwnhFSmAIP0qS9NqSwpCWhhSUpkZCMylrNH5IS+dJwaaWEPKkDYS1gBtWYpK0hz6tKBVG//XiRXJ8eREoOczPwiJ5U8wWNLZw+2iS7FbLeUNya+taajdv8rI6a6VJslxysGzKYs5dEftv8/kZbXypN9uFZX7amxlBY0ycEgZOvhZNOKwK6B6Lvrep8pZV9Z0yUphJcgQFgcY9iU3xd9WYbG1NWnXW3KrOiNSwOtkXzgvj7lbXuvjyR/Nq1ORNYH3bWMl/d7d560nedac5dzHw6eD0W5g2GEPnMG+aUM/bzuhrPiuw99jZrcqqHl3k04DD57AMKnioY8hWI8qRxE8dONRRcD/Minyn+oHtoG+86avMGC/JpbLvnM9symczb7BkQSauOQqLallPcQhp7B/Xxfl9KnbKEGb3CHWeFk0ZaGOQT5tlDZ9pOP9eFdjZQAllewL/0s1kLyyaDjuUfPr8DxnZ1yYFDClzad9ZK1NF4gpXKhkUNVa4DjRo+ti8CoZYCVXrwMcwn4VlDQdGoSxDfadN67O+0RJWr22KK+VZtPQu/OiM/mJmtyxYJqHd5aKpztfa0SLrp85Lnd5mqA7fu72t2mwNtUK6i0B2HYHsJjwYNTA+rYuLpqpj911+jokPJ6+GJ9t/74Vv+cdlb5TPF72dqpxFiUF+XpSXtNFOEk9uJoMyPwM8osBOd+w9hVQihVDkFZgyBLmL6fb8DFEQyfZiym5jhrcf2yyPHHDxOhRnX9upURPOP5ITsfGaG9GDogwKGWzddpLR8rRps8lwjwd4SiU7+SJEjty6NYiPLhcwM5x/qZiTR+GsWDQ1dro9q07DZnJQz0LNFNwYzuBv0VxuwtrFRRnO2X3BvBzuHVevhnv7+QUlV1LJCY01/qdugjMbc0Qm7P04NRnhQwcZRztBKRr4iwEPPCBxdd8E6fjGAEI7zrJ0wvl/nAEoTmNdCq3WaTQg7zRUI3tjWpMzmDaGp2EdhtvVFqu5SmSoDMbr+NdmcDRLISFhCOUErkNl5ruGY5XI/tZBv4PKFAsNlyAUGkxMUGOgNTVouG7fMuMhVqx86uJeJpMb+OPqdOeJ8ph4wFEeVx/mxbSaBQ4so//lHD0+uZ9n0nvdwW6WA08V57qxjPyYPIgg+593B0eD30z3Dk7L4t9luI8o1q1jSvpcTFFPYsp9e/wzjMGpRG5oa25FPbCqM4a1Auoj0Bm9uNAA7ICrolWsA8m4LwDsaKgOlDdB3h5GB3KKPFgDdLLmGuyx8xuklXgcpO+L+Qq0/SOgreTDof3pzfv3o6NVF56W9sUzgVk/CcxrdvX8+JVtxvcMSdw4xorRF5M9bt46Xpj5Jp2RRcge8mlO6drEIsLo7phgkWczoNri4m04m7MdZoXy3ICEs8jtTCeuB1YA6SZWFMAW6qyUbU2IGiNPpO54YkQnYviu37ZBPAUKqEgdz/ty5FExeMLKKyHwBFXOKH4UqDiHt0bLF350xE9dFQkOlZRw2QgOFptmk/jQc8xTLixd8dBriodKH8e0NYC4JpfSjyGXeTi5Ru8P370d/sLv/1EyOObPQ7L0SSS7Y3d/hmySoRQ5Yjsw/2TBNfBTRtAtoI+wXcF8Wxoi0FGDxh3Iu2qwFt0qonsNPt3j8HlHLFdwmj0Gp34Fp+3diQMWX4Wx7PC7n3stNfi1z73WEX7j//T/sK5my2moaeMk5IvLw5rfx5noi82br7nVN9zW1n96CqhoCmVuZHN0cmVhbQplbmRvYmoKMzQgMCBvYmoKPDwvVHlwZSAvWFJlZi9JbmRleCBbMCAzNV0vVyBbMSAyIDJdL1NpemUgMzUvUm9vdCAyIDAgUi9JbmZvIDMyIDAgUi9GaWx0ZXIgL0ZsYXRlRGVjb2RlL0xlbmd0aCAxMTE+PgpzdHJlYW0KeNolzc0NglAUROG5iKA8BfyBLTF24JZoogkJFVALlViCzVgUvJO7+RYnmYykZUl0k8AggY2p8pbCFjLIYWf5V7ImRLpf5DFF+sEXeygg2PPu7QBHKO3191ZBDSd7B29nuMAVGmjtw9s4SysxbwwSCmVuZHN0cmVhbQplbmRvYmoKc3RhcnR4cmVmCjE4NTUyCiUlRU9GCg=="}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:15.062567+00	\N
11	lucas.bernard@demo.tierslieux.fr	Booking cancelled: Poste 2, Télécentre de la Maison de l'Emploi, 21/12/2026	Hello Lucas Bernard,\n\nYour booking is cancelled.\n\nPlace : Poste 2\nSite : Télécentre de la Maison de l'Emploi, Maison de l'Emploi, 46100 Figeac\nWhen : 21/12/2026 08:30 – 12:30\nBooking number : 3\n\n\nThe attached file adds this booking to your calendar.	\N	[{"filename": "booking-3.ics", "mimetype": "text/calendar", "data": "QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL1RpZXJzLUxpZXV4Ly9Cb29raW5nLy9GUg0KQ0FMU0NBTEU6R1JFR09SSUFODQpNRVRIT0Q6Q0FOQ0VMDQpYLVdSLUNBTE5BTUU6VMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaQ0KQkVHSU46VlRJTUVaT05FDQpUWklEOkV1cm9wZS9QYXJpcw0KQkVHSU46REFZTElHSFQNCkRUU1RBUlQ6MjAyNjAzMjlUMDIwMDAwDQpUWk5BTUU6Q0VTVA0KVFpPRkZTRVRGUk9NOiswMTAwDQpUWk9GRlNFVFRPOiswMjAwDQpFTkQ6REFZTElHSFQNCkJFR0lOOlNUQU5EQVJEDQpEVFNUQVJUOjIwMjYxMDI1VDAzMDAwMA0KVFpOQU1FOkNFVA0KVFpPRkZTRVRGUk9NOiswMjAwDQpUWk9GRlNFVFRPOiswMTAwDQpFTkQ6U1RBTkRBUkQNCkVORDpWVElNRVpPTkUNCkJFR0lOOlZFVkVOVA0KU1VNTUFSWTpQb3N0ZSAyIOKAlCBUw6lsw6ljZW50cmUgZGUgbGEgTWFpc29uIGRlIGwnRW1wbG9pDQpEVFNUQVJUO1RaSUQ9RXVyb3BlL1BhcmlzOjIwMjYxMjIxVDA4MzAwMA0KRFRFTkQ7VFpJRD1FdXJvcGUvUGFyaXM6MjAyNjEyMjFUMTIzMDAwDQpEVFNUQU1QOjIwMjYxMTMwVDA4MjcxNVoNClVJRDpib29raW5nLTNAdGllcnNsaWV1eA0KU0VRVUVOQ0U6MQ0KTE9DQVRJT046VMOpbMOpY2VudHJlIGRlIGxhIE1haXNvbiBkZSBsJ0VtcGxvaVwsIE1haXNvbiBkZSBsJ0VtcGxvaVwsIDQ2MTANCiAwIEZpZ2VhYw0KU1RBVFVTOkNBTkNFTExFRA0KRU5EOlZFVkVOVA0KRU5EOlZDQUxFTkRBUg0K"}]	pending	1	[Errno 111] Connection refused	2026-11-30 08:27:15.440917+00	\N
\.


--
-- Data for Name: module_state; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.module_state (id, module, site_id, enabled, updated_at, updated_by_id) FROM stdin;
\.


--
-- Data for Name: site; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.site (id, slug, name, kind, host_organisation, address, postcode, commune, departement, latitude, longitude, timezone, description, amenities, contact_email, contact_phone, closed_on_public_holidays, is_published, created_at) FROM stdin;
1	decazeville-chrysalis	Télécentre Chrysalis	telecentre	Pépinière d'entreprises Chrysalis	Pépinière d'entreprises Chrysalis	12300	Decazeville	12	44.5603	2.2506	Europe/Paris	Un bureau dédié au télétravail au sein de la pépinière d'entreprises Chrysalis.	["wifi", "coffee", "parking", "step_free_access", "videoconference", "printer"]	\N	\N	t	t	2026-11-30 08:26:57.044515+00
2	figeac-maison-emploi	Télécentre de la Maison de l'Emploi	telecentre	Maison de l'Emploi du Grand Figeac	Maison de l'Emploi	46100	Figeac	46	44.6086	2.0317	Europe/Paris	Un bureau dédié à l'expérimentation, au cœur de la Maison de l'Emploi de Figeac.	["wifi", "coffee", "step_free_access", "printer", "public_transport", "restaurant_nearby"]	\N	\N	t	t	2026-11-30 08:26:57.086294+00
3	aurillac	Télécentre d'Aurillac	telecentre	\N	Centre-ville	15000	Aurillac	15	44.9264	2.4397	Europe/Paris	Espace de travail partagé et salle de visioconférence en centre-ville.	["wifi", "coffee", "kitchen", "videoconference", "public_transport", "restaurant_nearby"]	\N	\N	t	t	2026-11-30 08:26:57.109483+00
4	montmurat	Télécentre de Montmurat	telecentre	\N	Le bourg	15600	Montmurat	15	44.6283	2.1967	Europe/Paris	Un télécentre rural, au calme, avec une connexion à haut débit.	["wifi", "coffee", "parking"]	\N	\N	t	t	2026-11-30 08:26:57.140992+00
5	cassaniouze	Télécentre de Cassaniouze	telecentre	\N	Le bourg	15340	Cassaniouze	15	44.6939	2.38	Europe/Paris	Un télécentre de village, avec cuisine partagée.	["wifi", "coffee", "parking", "kitchen"]	\N	\N	t	t	2026-11-30 08:26:57.155471+00
\.


--
-- Data for Name: site_closure; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.site_closure (id, site_id, starts_on, ends_on, reason) FROM stdin;
\.


--
-- Data for Name: site_manager; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.site_manager (user_id, site_id) FROM stdin;
2	1
3	2
4	3
5	4
6	5
\.


--
-- Data for Name: site_opening_hours; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.site_opening_hours (id, site_id, weekday, opens, closes) FROM stdin;
1	1	0	08:30:00	12:30:00
2	1	0	13:30:00	18:00:00
3	1	1	08:30:00	12:30:00
4	1	1	13:30:00	18:00:00
5	1	2	08:30:00	12:30:00
6	1	2	13:30:00	18:00:00
7	1	3	08:30:00	12:30:00
8	1	3	13:30:00	18:00:00
9	1	4	08:30:00	12:30:00
10	1	4	13:30:00	18:00:00
11	2	0	08:30:00	12:30:00
12	2	0	13:30:00	18:00:00
13	2	1	08:30:00	12:30:00
14	2	1	13:30:00	18:00:00
15	2	2	08:30:00	12:30:00
16	2	2	13:30:00	18:00:00
17	2	3	08:30:00	12:30:00
18	2	3	13:30:00	18:00:00
19	2	4	08:30:00	12:30:00
20	2	4	13:30:00	18:00:00
21	3	0	08:30:00	12:30:00
22	3	0	13:30:00	18:00:00
23	3	1	08:30:00	12:30:00
24	3	1	13:30:00	18:00:00
25	3	2	08:30:00	12:30:00
26	3	2	13:30:00	18:00:00
27	3	3	08:30:00	12:30:00
28	3	3	13:30:00	18:00:00
29	3	4	08:30:00	12:30:00
30	3	4	13:30:00	18:00:00
31	3	5	09:00:00	12:00:00
32	4	1	09:00:00	12:00:00
33	4	1	14:00:00	17:00:00
34	4	2	09:00:00	12:00:00
35	4	2	14:00:00	17:00:00
36	4	3	09:00:00	12:00:00
37	4	3	14:00:00	17:00:00
38	4	4	09:00:00	12:00:00
39	4	4	14:00:00	17:00:00
40	5	0	09:00:00	12:00:00
41	5	0	14:00:00	17:00:00
42	5	1	09:00:00	12:00:00
43	5	1	14:00:00	17:00:00
44	5	3	09:00:00	12:00:00
45	5	3	14:00:00	17:00:00
46	5	4	09:00:00	12:00:00
47	5	4	14:00:00	17:00:00
\.


--
-- Data for Name: site_photo; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.site_photo (id, site_id, filename, alt_text, created_at) FROM stdin;
\.


--
-- Data for Name: user_account; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_account (id, email, password_hash, display_name, role, locale, home_commune, home_latitude, home_longitude, email_confirmed_at, is_disabled, session_version, created_at, last_login_at, erased_at) FROM stdin;
1	admin@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$WrVBjMcKeamCfnDI1y/PSQ$Xx+rC3f5KvN0LrCl9VLMZLnIFnBJnoQShz2A65Vb+ME	Administration du territoire	territory-admin	fr	\N	\N	\N	2026-11-30 08:26:57.964204+00	f	1	2026-11-30 08:26:57.980152+00	\N	\N
2	gestion.decazeville-chrysalis@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$TPsK+XVMHnW4t+0dh02h9w$2Rh74/kEr6EfVIvnCVhB/2OD3WH+bn6ORmFTtYAlEVk	Gestion — Decazeville	site-manager	fr	\N	\N	\N	2026-11-30 08:26:58.865979+00	f	1	2026-11-30 08:26:58.876548+00	\N	\N
3	gestion.figeac-maison-emploi@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$QOgoMtLxUPH/+7SVTyVcoQ$lJVmmhIRtuaEUEgwqozshpwcXTecIVRfz7uOz7uPv5A	Gestion — Figeac	site-manager	fr	\N	\N	\N	2026-11-30 08:26:59.597021+00	f	1	2026-11-30 08:26:59.603846+00	\N	\N
4	gestion.aurillac@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$ZKZSzKsvH/0TCX4hEp+2lg$Ta8IBVVgZVhT6D7EI/Jdq6BPMaKSwIa95MVrnPBbfek	Gestion — Aurillac	site-manager	fr	\N	\N	\N	2026-11-30 08:27:00.4586+00	f	1	2026-11-30 08:27:00.463603+00	\N	\N
5	gestion.montmurat@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$h2Ezx6Yp87MfcgioJTjz3g$6eiiOewkybX5Ia0+OQ4WWWbBgyQzKmfc37mhZyQr4bw	Gestion — Montmurat	site-manager	fr	\N	\N	\N	2026-11-30 08:27:01.362142+00	f	1	2026-11-30 08:27:01.363961+00	\N	\N
6	gestion.cassaniouze@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$WFP+iJGe1aABo/Q6asFTJA$yDjSJJXzgRXXYUGlwOtogXpLnplUeDy42FTltK8/tHo	Gestion — Cassaniouze	site-manager	fr	\N	\N	\N	2026-11-30 08:27:02.113766+00	f	1	2026-11-30 08:27:02.122401+00	\N	\N
7	camille.martin@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$REGmLl/IXWFSmkZq9W5D2w$G95xv9jDT+qeuBfZuANQYiyVM8T6VI2CjIGdjdF3gGM	Camille Martin	member	fr	Capdenac-Gare	44.5775	2.0806	2026-11-30 08:27:02.76871+00	f	1	2026-11-30 08:27:02.769879+00	\N	\N
8	lucas.bernard@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$4K1N8D+/UCccKaHcQJ0dYg$wTQZKDzy7LCBK4tiQiVQOnajEytDFy/XcoTvnW8WQyw	Lucas Bernard	member	fr	Maurs	44.7103	2.1983	2026-11-30 08:27:03.425112+00	f	1	2026-11-30 08:27:03.42998+00	\N	\N
9	ines.roux@demo.tierslieux.fr	$argon2id$v=19$m=65536,t=3,p=4$+c8KPXukvignLdBQTCK3/A$opuGGbxq1cNbwSqT5OsmPcdk8JrGC1vkOUzDITgyEI8	Inès Roux	member	fr	Viviez	44.5567	2.2189	2026-11-30 08:27:04.242541+00	f	1	2026-11-30 08:27:04.243709+00	\N	\N
\.


--
-- Name: api_token_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_token_id_seq', 1, false);


--
-- Name: audit_entry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_entry_id_seq', 1, false);


--
-- Name: billing_credit_entry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.billing_credit_entry_id_seq', 10, true);


--
-- Name: billing_invoice_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.billing_invoice_id_seq', 4, true);


--
-- Name: billing_order_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.billing_order_id_seq', 4, true);


--
-- Name: billing_subscription_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.billing_subscription_id_seq', 1, false);


--
-- Name: booking_booking_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.booking_booking_id_seq', 6, true);


--
-- Name: booking_feed_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.booking_feed_id_seq', 1, false);


--
-- Name: booking_resource_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.booking_resource_id_seq', 24, true);


--
-- Name: booking_rule_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.booking_rule_id_seq', 1, false);


--
-- Name: booking_waitlist_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.booking_waitlist_id_seq', 1, false);


--
-- Name: consent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.consent_id_seq', 1, false);


--
-- Name: mail_message_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.mail_message_id_seq', 11, true);


--
-- Name: module_state_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.module_state_id_seq', 1, false);


--
-- Name: site_closure_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.site_closure_id_seq', 1, false);


--
-- Name: site_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.site_id_seq', 5, true);


--
-- Name: site_opening_hours_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.site_opening_hours_id_seq', 47, true);


--
-- Name: site_photo_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.site_photo_id_seq', 1, false);


--
-- Name: user_account_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.user_account_id_seq', 9, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: booking_booking booking_no_overlap; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking
    ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)'::text) WITH &&) WHERE (((status)::text = ANY ((ARRAY['held'::character varying, 'confirmed'::character varying, 'checked_in'::character varying])::text[])));


--
-- Name: api_token pk_api_token; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT pk_api_token PRIMARY KEY (id);


--
-- Name: audit_entry pk_audit_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT pk_audit_entry PRIMARY KEY (id);


--
-- Name: billing_credit_entry pk_billing_credit_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_credit_entry
    ADD CONSTRAINT pk_billing_credit_entry PRIMARY KEY (id);


--
-- Name: billing_invoice pk_billing_invoice; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT pk_billing_invoice PRIMARY KEY (id);


--
-- Name: billing_invoice_series pk_billing_invoice_series; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice_series
    ADD CONSTRAINT pk_billing_invoice_series PRIMARY KEY (series);


--
-- Name: billing_order pk_billing_order; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_order
    ADD CONSTRAINT pk_billing_order PRIMARY KEY (id);


--
-- Name: billing_reduced_rate pk_billing_reduced_rate; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_reduced_rate
    ADD CONSTRAINT pk_billing_reduced_rate PRIMARY KEY (member_id);


--
-- Name: billing_stripe_event pk_billing_stripe_event; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_stripe_event
    ADD CONSTRAINT pk_billing_stripe_event PRIMARY KEY (id);


--
-- Name: billing_subscription pk_billing_subscription; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_subscription
    ADD CONSTRAINT pk_billing_subscription PRIMARY KEY (id);


--
-- Name: booking_booking pk_booking_booking; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking
    ADD CONSTRAINT pk_booking_booking PRIMARY KEY (id);


--
-- Name: booking_feed pk_booking_feed; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_feed
    ADD CONSTRAINT pk_booking_feed PRIMARY KEY (id);


--
-- Name: booking_resource pk_booking_resource; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_resource
    ADD CONSTRAINT pk_booking_resource PRIMARY KEY (id);


--
-- Name: booking_rule pk_booking_rule; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_rule
    ADD CONSTRAINT pk_booking_rule PRIMARY KEY (id);


--
-- Name: booking_waitlist pk_booking_waitlist; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_waitlist
    ADD CONSTRAINT pk_booking_waitlist PRIMARY KEY (id);


--
-- Name: consent pk_consent; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent
    ADD CONSTRAINT pk_consent PRIMARY KEY (id);


--
-- Name: mail_message pk_mail_message; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT pk_mail_message PRIMARY KEY (id);


--
-- Name: module_state pk_module_state; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.module_state
    ADD CONSTRAINT pk_module_state PRIMARY KEY (id);


--
-- Name: site pk_site; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site
    ADD CONSTRAINT pk_site PRIMARY KEY (id);


--
-- Name: site_closure pk_site_closure; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_closure
    ADD CONSTRAINT pk_site_closure PRIMARY KEY (id);


--
-- Name: site_manager pk_site_manager; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_manager
    ADD CONSTRAINT pk_site_manager PRIMARY KEY (user_id, site_id);


--
-- Name: site_opening_hours pk_site_opening_hours; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_opening_hours
    ADD CONSTRAINT pk_site_opening_hours PRIMARY KEY (id);


--
-- Name: site_photo pk_site_photo; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_photo
    ADD CONSTRAINT pk_site_photo PRIMARY KEY (id);


--
-- Name: user_account pk_user_account; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_account
    ADD CONSTRAINT pk_user_account PRIMARY KEY (id);


--
-- Name: api_token uq_api_token_digest; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT uq_api_token_digest UNIQUE (digest);


--
-- Name: billing_invoice uq_billing_invoice_reference; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT uq_billing_invoice_reference UNIQUE (reference);


--
-- Name: billing_invoice uq_billing_invoice_series_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT uq_billing_invoice_series_number UNIQUE (series, number);


--
-- Name: billing_invoice uq_billing_invoice_stripe_invoice_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT uq_billing_invoice_stripe_invoice_id UNIQUE (stripe_invoice_id);


--
-- Name: billing_invoice uq_billing_invoice_stripe_refund_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT uq_billing_invoice_stripe_refund_id UNIQUE (stripe_refund_id);


--
-- Name: billing_order uq_billing_order_stripe_session_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_order
    ADD CONSTRAINT uq_billing_order_stripe_session_id UNIQUE (stripe_session_id);


--
-- Name: billing_subscription uq_billing_subscription_stripe_subscription_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_subscription
    ADD CONSTRAINT uq_billing_subscription_stripe_subscription_id UNIQUE (stripe_subscription_id);


--
-- Name: booking_feed uq_booking_feed_token; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_feed
    ADD CONSTRAINT uq_booking_feed_token UNIQUE (token);


--
-- Name: module_state uq_module_state_module_site; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.module_state
    ADD CONSTRAINT uq_module_state_module_site UNIQUE (module, site_id);


--
-- Name: site_photo uq_site_photo_filename; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_photo
    ADD CONSTRAINT uq_site_photo_filename UNIQUE (filename);


--
-- Name: site uq_site_slug; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site
    ADD CONSTRAINT uq_site_slug UNIQUE (slug);


--
-- Name: user_account uq_user_account_email; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_account
    ADD CONSTRAINT uq_user_account_email UNIQUE (email);


--
-- Name: ix_api_token_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_api_token_user_id ON public.api_token USING btree (user_id);


--
-- Name: ix_audit_entry_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_entry_at ON public.audit_entry USING btree (at);


--
-- Name: ix_billing_credit_member_grant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_credit_member_grant ON public.billing_credit_entry USING btree (member_id, grant_id);


--
-- Name: ix_billing_invoice_member_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_invoice_member_id ON public.billing_invoice USING btree (member_id);


--
-- Name: ix_billing_invoice_order_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_invoice_order_id ON public.billing_invoice USING btree (order_id);


--
-- Name: ix_billing_invoice_site_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_invoice_site_id ON public.billing_invoice USING btree (site_id);


--
-- Name: ix_billing_order_booking_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_order_booking_id ON public.billing_order USING btree (booking_id);


--
-- Name: ix_billing_order_discount_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_order_discount_code ON public.billing_order USING btree (discount_code);


--
-- Name: ix_billing_order_member_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_order_member_id ON public.billing_order USING btree (member_id);


--
-- Name: ix_billing_order_site_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_order_site_id ON public.billing_order USING btree (site_id);


--
-- Name: ix_billing_order_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_order_status ON public.billing_order USING btree (status);


--
-- Name: ix_billing_order_stripe_payment_intent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_order_stripe_payment_intent ON public.billing_order USING btree (stripe_payment_intent);


--
-- Name: ix_billing_subscription_member_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_billing_subscription_member_id ON public.billing_subscription USING btree (member_id);


--
-- Name: ix_booking_booking_member_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_booking_member_id ON public.booking_booking USING btree (member_id);


--
-- Name: ix_booking_booking_resource_starts; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_booking_resource_starts ON public.booking_booking USING btree (resource_id, starts_at);


--
-- Name: ix_booking_booking_series_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_booking_series_id ON public.booking_booking USING btree (series_id);


--
-- Name: ix_booking_booking_site_starts; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_booking_site_starts ON public.booking_booking USING btree (site_id, starts_at);


--
-- Name: ix_booking_feed_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_feed_user_id ON public.booking_feed USING btree (user_id);


--
-- Name: ix_booking_resource_site_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_resource_site_id ON public.booking_resource USING btree (site_id);


--
-- Name: ix_booking_waitlist_member_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_waitlist_member_id ON public.booking_waitlist USING btree (member_id);


--
-- Name: ix_booking_waitlist_site_starts; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_booking_waitlist_site_starts ON public.booking_waitlist USING btree (site_id, starts_at);


--
-- Name: ix_consent_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_consent_user_id ON public.consent USING btree (user_id);


--
-- Name: ix_mail_message_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_mail_message_status ON public.mail_message USING btree (status);


--
-- Name: ix_site_closure_site_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_site_closure_site_id ON public.site_closure USING btree (site_id);


--
-- Name: ix_site_opening_hours_site_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_site_opening_hours_site_id ON public.site_opening_hours USING btree (site_id);


--
-- Name: ix_site_photo_site_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_site_photo_site_id ON public.site_photo USING btree (site_id);


--
-- Name: uq_booking_rule_site_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_booking_rule_site_kind ON public.booking_rule USING btree (site_id, kind);


--
-- Name: uq_module_state_territory; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_module_state_territory ON public.module_state USING btree (module) WHERE (site_id IS NULL);


--
-- Name: api_token fk_api_token_user_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT fk_api_token_user_id_user_account FOREIGN KEY (user_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: audit_entry fk_audit_entry_actor_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT fk_audit_entry_actor_id_user_account FOREIGN KEY (actor_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: billing_credit_entry fk_billing_credit_entry_grant_id_billing_credit_entry; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_credit_entry
    ADD CONSTRAINT fk_billing_credit_entry_grant_id_billing_credit_entry FOREIGN KEY (grant_id) REFERENCES public.billing_credit_entry(id);


--
-- Name: billing_credit_entry fk_billing_credit_entry_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_credit_entry
    ADD CONSTRAINT fk_billing_credit_entry_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: billing_credit_entry fk_billing_credit_entry_order_id_billing_order; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_credit_entry
    ADD CONSTRAINT fk_billing_credit_entry_order_id_billing_order FOREIGN KEY (order_id) REFERENCES public.billing_order(id);


--
-- Name: billing_credit_entry fk_billing_credit_entry_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_credit_entry
    ADD CONSTRAINT fk_billing_credit_entry_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id);


--
-- Name: billing_invoice fk_billing_invoice_credited_invoice_id_billing_invoice; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT fk_billing_invoice_credited_invoice_id_billing_invoice FOREIGN KEY (credited_invoice_id) REFERENCES public.billing_invoice(id);


--
-- Name: billing_invoice fk_billing_invoice_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT fk_billing_invoice_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: billing_invoice fk_billing_invoice_order_id_billing_order; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT fk_billing_invoice_order_id_billing_order FOREIGN KEY (order_id) REFERENCES public.billing_order(id);


--
-- Name: billing_invoice fk_billing_invoice_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_invoice
    ADD CONSTRAINT fk_billing_invoice_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id);


--
-- Name: billing_order fk_billing_order_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_order
    ADD CONSTRAINT fk_billing_order_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: billing_order fk_billing_order_recorded_by_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_order
    ADD CONSTRAINT fk_billing_order_recorded_by_id_user_account FOREIGN KEY (recorded_by_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: billing_order fk_billing_order_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_order
    ADD CONSTRAINT fk_billing_order_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id);


--
-- Name: billing_reduced_rate fk_billing_reduced_rate_granted_by_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_reduced_rate
    ADD CONSTRAINT fk_billing_reduced_rate_granted_by_id_user_account FOREIGN KEY (granted_by_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: billing_reduced_rate fk_billing_reduced_rate_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_reduced_rate
    ADD CONSTRAINT fk_billing_reduced_rate_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: billing_subscription fk_billing_subscription_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_subscription
    ADD CONSTRAINT fk_billing_subscription_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: billing_subscription fk_billing_subscription_order_id_billing_order; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_subscription
    ADD CONSTRAINT fk_billing_subscription_order_id_billing_order FOREIGN KEY (order_id) REFERENCES public.billing_order(id);


--
-- Name: billing_subscription fk_billing_subscription_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_subscription
    ADD CONSTRAINT fk_billing_subscription_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id);


--
-- Name: booking_booking fk_booking_booking_created_by_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking
    ADD CONSTRAINT fk_booking_booking_created_by_id_user_account FOREIGN KEY (created_by_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: booking_booking fk_booking_booking_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking
    ADD CONSTRAINT fk_booking_booking_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: booking_booking fk_booking_booking_resource_id_booking_resource; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking
    ADD CONSTRAINT fk_booking_booking_resource_id_booking_resource FOREIGN KEY (resource_id) REFERENCES public.booking_resource(id);


--
-- Name: booking_booking fk_booking_booking_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_booking
    ADD CONSTRAINT fk_booking_booking_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id);


--
-- Name: booking_feed fk_booking_feed_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_feed
    ADD CONSTRAINT fk_booking_feed_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: booking_feed fk_booking_feed_user_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_feed
    ADD CONSTRAINT fk_booking_feed_user_id_user_account FOREIGN KEY (user_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: booking_resource fk_booking_resource_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_resource
    ADD CONSTRAINT fk_booking_resource_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: booking_rule fk_booking_rule_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_rule
    ADD CONSTRAINT fk_booking_rule_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: booking_waitlist fk_booking_waitlist_member_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_waitlist
    ADD CONSTRAINT fk_booking_waitlist_member_id_user_account FOREIGN KEY (member_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: booking_waitlist fk_booking_waitlist_offered_resource_id_booking_resource; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_waitlist
    ADD CONSTRAINT fk_booking_waitlist_offered_resource_id_booking_resource FOREIGN KEY (offered_resource_id) REFERENCES public.booking_resource(id);


--
-- Name: booking_waitlist fk_booking_waitlist_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.booking_waitlist
    ADD CONSTRAINT fk_booking_waitlist_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: consent fk_consent_user_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent
    ADD CONSTRAINT fk_consent_user_id_user_account FOREIGN KEY (user_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: module_state fk_module_state_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.module_state
    ADD CONSTRAINT fk_module_state_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: module_state fk_module_state_updated_by_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.module_state
    ADD CONSTRAINT fk_module_state_updated_by_id_user_account FOREIGN KEY (updated_by_id) REFERENCES public.user_account(id) ON DELETE SET NULL;


--
-- Name: site_closure fk_site_closure_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_closure
    ADD CONSTRAINT fk_site_closure_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: site_manager fk_site_manager_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_manager
    ADD CONSTRAINT fk_site_manager_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: site_manager fk_site_manager_user_id_user_account; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_manager
    ADD CONSTRAINT fk_site_manager_user_id_user_account FOREIGN KEY (user_id) REFERENCES public.user_account(id) ON DELETE CASCADE;


--
-- Name: site_opening_hours fk_site_opening_hours_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_opening_hours
    ADD CONSTRAINT fk_site_opening_hours_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- Name: site_photo fk_site_photo_site_id_site; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.site_photo
    ADD CONSTRAINT fk_site_photo_site_id_site FOREIGN KEY (site_id) REFERENCES public.site(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict 7qchUjuz72MDqkjsRZVVklNCAbxT3vLkA9C8OdaGT2l73w2FJ5kYkMsXDtVzc0C


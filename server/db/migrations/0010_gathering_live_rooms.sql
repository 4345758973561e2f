CREATE TABLE "breakout_members" (
	"room_id" uuid NOT NULL,
	"gathering_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid,
	CONSTRAINT "breakout_members_room_id_user_id_pk" PRIMARY KEY("room_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "breakout_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gathering_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"conversation_id" uuid,
	"notes_page_id" uuid,
	"timer_duration_ms" integer DEFAULT 0 NOT NULL,
	"timer_started_at" timestamp with time zone,
	"timer_paused_at" timestamp with time zone,
	"summary" text,
	"summary_by" uuid,
	"summary_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakout_rooms_status" CHECK ("breakout_rooms"."status" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "note_pages" ALTER COLUMN "group_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "facilitator_id" uuid;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "conversation_id" uuid;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "minutes_page_id" uuid;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "block_index" integer DEFAULT -1 NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "step" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "timer_duration_ms" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "timer_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "timer_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "round_order" jsonb;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "round_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "hands" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "breakout_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "broadcast_text" text;--> statement-breakpoint
ALTER TABLE "gatherings" ADD COLUMN "broadcast_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "note_pages" ADD COLUMN "gathering_id" uuid;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_room_id_breakout_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."breakout_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_notes_page_id_note_pages_id_fk" FOREIGN KEY ("notes_page_id") REFERENCES "public"."note_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_summary_by_users_id_fk" FOREIGN KEY ("summary_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "breakout_members_one_room" ON "breakout_members" USING btree ("gathering_id","round","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "breakout_rooms_number_unique" ON "breakout_rooms" USING btree ("gathering_id","round","number");--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_minutes_page_id_note_pages_id_fk" FOREIGN KEY ("minutes_page_id") REFERENCES "public"."note_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_pages" ADD CONSTRAINT "note_pages_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_scope_ref_idx" ON "conversations" USING btree ("scope_ref_id");--> statement-breakpoint
CREATE INDEX "note_pages_gathering_idx" ON "note_pages" USING btree ("gathering_id");--> statement-breakpoint
ALTER TABLE "note_pages" ADD CONSTRAINT "note_pages_one_owner" CHECK (("note_pages"."group_id" is null) <> ("note_pages"."gathering_id" is null));
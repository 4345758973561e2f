CREATE TABLE "gathering_agenda_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gathering_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"minutes" integer NOT NULL,
	"method_card_id" uuid,
	"notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gathering_groups" (
	"gathering_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "gathering_groups_gathering_id_group_id_pk" PRIMARY KEY("gathering_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "gathering_rsvps" (
	"gathering_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gathering_rsvps_gathering_id_user_id_pk" PRIMARY KEY("gathering_id","user_id"),
	CONSTRAINT "gathering_rsvps_answer" CHECK ("gathering_rsvps"."answer" in ('yes', 'maybe', 'no'))
);
--> statement-breakpoint
CREATE TABLE "gatherings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"time_zone" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"video_url" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_digests" (
	"gathering_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"text" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_digests_gathering_id_group_id_pk" PRIMARY KEY("gathering_id","group_id")
);
--> statement-breakpoint
ALTER TABLE "gathering_agenda_blocks" ADD CONSTRAINT "gathering_agenda_blocks_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_agenda_blocks" ADD CONSTRAINT "gathering_agenda_blocks_method_card_id_method_cards_id_fk" FOREIGN KEY ("method_card_id") REFERENCES "public"."method_cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_groups" ADD CONSTRAINT "gathering_groups_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_groups" ADD CONSTRAINT "gathering_groups_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_rsvps" ADD CONSTRAINT "gathering_rsvps_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_rsvps" ADD CONSTRAINT "gathering_rsvps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_digests" ADD CONSTRAINT "learning_digests_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_digests" ADD CONSTRAINT "learning_digests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_digests" ADD CONSTRAINT "learning_digests_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gathering_agenda_blocks_idx" ON "gathering_agenda_blocks" USING btree ("gathering_id","position");--> statement-breakpoint
CREATE INDEX "gathering_groups_group_idx" ON "gathering_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "gatherings_programme_idx" ON "gatherings" USING btree ("programme_id","starts_at");
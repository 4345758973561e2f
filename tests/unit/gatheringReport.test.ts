import { readFileSync } from "node:fs";
import path from "node:path";
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../shared/locales";
import { escapeMarkdown } from "../../shared/markdown";
import {
  gatheringReportFileName,
  gatheringReportMarkdown,
  minutesBody,
  type GatheringReportInput,
} from "../../client/features/gatherings/gatheringReport";
import { formatGatheringTime } from "../../client/features/gatherings/model";

const i18n = i18next.createInstance();
let fi: TFunction;
let en: TFunction;

beforeAll(async () => {
  const resources = Object.fromEntries(
    LOCALES.map((locale) => [locale, { translation: JSON.parse(readFileSync(path.resolve("client/locales", `${locale}.json`), "utf8")) as object }]),
  );
  await i18n.init({ resources, lng: "fi", fallbackLng: false, interpolation: { escapeValue: false } });
  fi = i18n.getFixedT("fi");
  en = i18n.getFixedT("en");
});

const MINUTES = "# Syksyn kohtaaminen – muistio\n\n## Päätökset\n\n- Jatketaan sekaryhmiä\n\n```\n# ei otsikko\n```\n";

function input(overrides: Partial<GatheringReportInput["gathering"]> = {}): GatheringReportInput {
  return {
    gathering: {
      title: "Syksyn kohtaaminen",
      purpose: "Jaetaan opittua ryhmien kesken.",
      startsAt: "2026-06-02T10:00:00.000Z",
      durationMinutes: 120,
      timeZone: "Europe/Helsinki",
      location: "Kirjasto Oodi",
      videoUrl: "https://meet.example.org/syksy (1)",
      programmeName: "Verme-verkosto",
      groups: [
        { id: "0b7f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f", name: "Ryhmä Aalto" },
        { id: "1c8f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f", name: "Ryhmä Lehto" },
      ],
      digests: [
        {
          groupId: "0b7f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f",
          groupName: "Ryhmä Aalto",
          text: "Tavoitteiden katsaus pitää työn liikkeellä.",
          publishedByName: "Outi",
          publishedAt: "2026-05-30T09:15:00.000Z",
        },
      ],
      ...overrides,
    },
    reports: [
      { round: 1, number: 1, summary: { text: "Molemmat ryhmät kaipaavat selkeämpiä tavoitteita.", byName: "Aino", at: "2026-06-02T11:05:00.000Z" } },
      { round: 1, number: 2, summary: { text: "Vertaisten tuki auttaa jaksamaan.", byName: null, at: "2026-06-02T11:07:00.000Z" } },
    ],
    minutesMarkdown: MINUTES,
  };
}

describe("a gathering's outcome as a Markdown file", () => {
  it("has the details, purpose, digests, room summaries and minutes under their headings, in the viewer's language", () => {
    const markdown = gatheringReportMarkdown(input(), fi, "fi");
    const when = formatGatheringTime(input().gathering, "fi", "Europe/Helsinki");
    expect(markdown.startsWith("# Syksyn kohtaaminen\n\n")).toBe(true);
    expect(markdown).toContain(`- **Aika:** ${when} (`);
    expect(markdown).toContain("- **Paikka:** Kirjasto Oodi · [Liity etäyhteydellä](https://meet.example.org/syksy%20%281%29)");
    expect(markdown).toContain("- **Ohjelma:** Verme-verkosto");
    expect(markdown).toContain("- **Kutsutut ryhmät:** Ryhmä Aalto, Ryhmä Lehto");
    expect(markdown).toContain("## Tarkoitus\n\nJaetaan opittua ryhmien kesken.");
    expect(markdown).toContain("## Oppimiskoosteet\n\n### Ryhmä Aalto\n\nTavoitteiden katsaus pitää työn liikkeellä.\n\n*Julkaisija Outi, ");
    expect(markdown).toContain("## Pienryhmien yhteenvedot\n\n### Pienryhmä 1 (kierros 1)\n\nMolemmat ryhmät kaipaavat selkeämpiä tavoitteita.\n\n*Julkaisija Aino, ");
    expect(markdown).toMatch(/### Pienryhmä 2 \(kierros 1\)\n\nVertaisten tuki auttaa jaksamaan\.\n\n\*Julkaistu /);
    // The minutes' own title line goes; their headings sit below the file's sections, code stays as it is.
    expect(markdown).toContain("## Yhteinen muistio\n\n#### Päätökset\n\n- Jatketaan sekaryhmiä\n\n```\n# ei otsikko\n```\n");
    expect(markdown).not.toContain("– muistio");
    // The sections come in this order.
    const order = ["## Tarkoitus", "## Oppimiskoosteet", "## Pienryhmien yhteenvedot", "## Yhteinen muistio"].map((heading) => markdown.indexOf(heading));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const english = gatheringReportMarkdown(input(), en, "en");
    expect(english).toContain("## Breakout room summaries\n\n### Breakout room 1 (round 1)");
    expect(english).toContain("*Published by Aino, ");
    expect(english).toContain("## Learning digests");
    expect(english).toContain("## Shared minutes");
  });

  it("writes times in the gathering's own zone and names it", () => {
    const markdown = gatheringReportMarkdown(input({ timeZone: "America/New_York" }), en, "en");
    expect(markdown).toContain(formatGatheringTime({ ...input().gathering, timeZone: "America/New_York" }, "en", "America/New_York"));
    expect(markdown).toContain("(Eastern Time)");
  });

  it("keeps what people wrote as text: it cannot add headings, links or markup, and its line breaks stay", () => {
    const hostile = input({
      title: "Kevät # 2 <b>",
      purpose: "Ensimmäinen rivi\n# Ei otsikko\n---\n    ei koodia",
      digests: [
        { groupId: "0b7f6c1e-2f4a-4c3b-9d2e-8a1b2c3d4e5f", groupName: "## Ryhmä_A", text: "[linkki](javascript:alert(1)) *tähti*", publishedByName: "Outi *", publishedAt: "2026-05-30T09:15:00.000Z" },
      ],
    });
    const markdown = gatheringReportMarkdown({ ...hostile, minutesMarkdown: "# Muistio\n\n## Päätökset\n" }, fi, "fi");
    expect(markdown.startsWith("# Kevät \\# 2 \\<b\\>\n")).toBe(true);
    expect(markdown).toContain("## Tarkoitus\n\nEnsimmäinen rivi  \n\\# Ei otsikko  \n\\---  \nei koodia\n\n");
    expect(markdown).toContain("### \\#\\# Ryhmä\\_A\n\n\\[linkki\\](javascript:alert(1)) \\*tähti\\*\n\n*Julkaisija Outi \\*, ");
    // Only the file's own headings start a line with #.
    expect(markdown.match(/^#+ .*$/gm)).toEqual([
      "# Kevät \\# 2 \\<b\\>",
      "## Tarkoitus",
      "## Oppimiskoosteet",
      "### \\#\\# Ryhmä\\_A",
      "## Pienryhmien yhteenvedot",
      "### Pienryhmä 1 (kierros 1)",
      "### Pienryhmä 2 (kierros 1)",
      "## Yhteinen muistio",
      "#### Päätökset",
    ]);
    expect(escapeMarkdown("a\\b`c|d~e")).toBe("a\\\\b\\`c\\|d\\~e");
  });

  it("leaves out what there is nothing of, and refuses a link that is not a web address", () => {
    const markdown = gatheringReportMarkdown(
      { ...input({ purpose: "  ", digests: [], location: "", videoUrl: "javascript:alert(1)" }), reports: [], minutesMarkdown: "# Muistio\n" },
      fi,
      "fi",
    );
    expect(markdown).toContain("- **Paikka:** Paikkaa ei ole vielä kerrottu.");
    expect(markdown).not.toContain("javascript");
    for (const heading of ["## Tarkoitus", "## Oppimiskoosteet", "## Pienryhmien yhteenvedot", "## Yhteinen muistio"]) expect(markdown).not.toContain(heading);
    expect(gatheringReportMarkdown({ ...input(), minutesMarkdown: null }, fi, "fi")).not.toContain("## Yhteinen muistio");
  });

  it("moves the minutes' headings down, keeps code as it is, and takes away only a leading title", () => {
    expect(minutesBody("# Otsikko\n\n# Osa\n###### Syvä\n")).toBe("### Osa\n###### Syvä");
    expect(minutesBody("Ei otsikkoa\n\n## Osa")).toBe("Ei otsikkoa\n\n#### Osa");
    expect(minutesBody("# Otsikko\r\n\r\n```\n## koodia\n```")).toBe("```\n## koodia\n```");
  });

  it("names the file by the word for a gathering, its title in plain letters and the day in its own zone", () => {
    const { gathering } = input();
    expect(gatheringReportFileName(gathering, fi)).toBe("kohtaaminen-syksyn-kohtaaminen-2026-06-02.md");
    expect(gatheringReportFileName({ ...gathering, startsAt: "2026-06-02T22:30:00.000Z" }, fi)).toBe("kohtaaminen-syksyn-kohtaaminen-2026-06-03.md");
    expect(gatheringReportFileName({ ...gathering, title: "!!!" }, i18n.getFixedT("sv"))).toBe("natverkstraff-2026-06-02.md");
    expect(gatheringReportFileName(gathering, en)).toBe("gathering-syksyn-kohtaaminen-2026-06-02.md");
  });
});

import type { BUILT_IN_TEMPLATE_KEYS, LocalizedText, TemplateContent } from "../../shared/schemas/assessments";

/**
 * The self-assessment templates that ship with Piiri, in Finnish, Swedish and English. They are written
 * to the database on start; changing a text here saves a new version, so rounds already opened keep the
 * wording their members answered.
 */
export type BuiltInTemplateKey = (typeof BUILT_IN_TEMPLATE_KEYS)[number];

export interface BuiltInTemplate {
  key: BuiltInTemplateKey;
  name: LocalizedText;
  content: TemplateContent;
}

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });
const item = (id: string, text: LocalizedText) => ({ id, text });

/** Agreement with a statement about oneself; every built-in statement is written to fit it. */
const AGREEMENT_SCALE: LocalizedText[] = [
  t("Täysin eri mieltä", "Helt av annan åsikt", "Strongly disagree"),
  t("Jokseenkin eri mieltä", "Delvis av annan åsikt", "Somewhat disagree"),
  t("En samaa enkä eri mieltä", "Varken av samma eller annan åsikt", "Neither agree nor disagree"),
  t("Jokseenkin samaa mieltä", "Delvis av samma åsikt", "Somewhat agree"),
  t("Täysin samaa mieltä", "Helt av samma åsikt", "Strongly agree"),
];

/** Seed 004: project managers of three universities of applied sciences. */
const PROJECT_MANAGEMENT: BuiltInTemplate = {
  key: "project_management",
  name: t("Projektinhallinnan osaaminen", "Kompetens i projektledning", "Project management competence"),
  content: {
    scaleLabels: AGREEMENT_SCALE,
    areas: [
      {
        id: "planning",
        title: t("Projektin suunnittelu ja tavoitteet", "Projektplanering och mål", "Project planning and goals"),
        statements: [
          item("planning_goals", t("Osaan muotoilla projektille selkeät ja mitattavat tavoitteet.", "Jag kan formulera tydliga och mätbara mål för ett projekt.", "I can set clear and measurable goals for a project.")),
          item("planning_schedule", t("Osaan laatia realistisen aikataulun ja resurssisuunnitelman.", "Jag kan göra upp en realistisk tidtabell och resursplan.", "I can draw up a realistic schedule and resource plan.")),
          item("planning_risks", t("Tunnistan projektin riskit ajoissa ja suunnittelen, miten niihin varaudutaan.", "Jag känner igen projektets risker i tid och planerar hur vi förbereder oss för dem.", "I spot a project's risks early and plan how to prepare for them.")),
        ],
      },
      {
        id: "stakeholders",
        title: t("Sidosryhmät ja ohjausryhmä", "Intressenter och styrgrupp", "Stakeholders and the steering group"),
        statements: [
          item("stakeholders_steering", t("Osaan valmistella ohjausryhmän kokouksen niin, että se tekee tarvittavat päätökset.", "Jag kan förbereda ett styrgruppsmöte så att det fattar de beslut som behövs.", "I can prepare a steering group meeting so that it makes the decisions needed.")),
          item("stakeholders_reporting", t("Viestin projektin etenemisestä selkeästi eri sidosryhmille.", "Jag kommunicerar tydligt om projektets framsteg till olika intressenter.", "I communicate the project's progress clearly to different stakeholders.")),
          item("stakeholders_difficult", t("Uskallan ottaa puheeksi ongelmat ja erimielisyydet rahoittajan ja kumppanien kanssa.", "Jag vågar ta upp problem och meningsskiljaktigheter med finansiären och partnerna.", "I dare to raise problems and disagreements with the funder and partners.")),
        ],
      },
      {
        id: "team",
        title: t("Tiimin johtaminen", "Att leda teamet", "Leading the team"),
        statements: [
          item("team_roles", t("Osaan jakaa tehtävät ja vastuut niin, että jokainen tietää oman osuutensa.", "Jag kan fördela uppgifter och ansvar så att alla vet sin del.", "I can divide tasks and responsibilities so that everyone knows their part.")),
          item("team_feedback", t("Annan ja pyydän palautetta säännöllisesti.", "Jag ger och ber om feedback regelbundet.", "I give and ask for feedback regularly.")),
          item("team_conflicts", t("Osaan käsitellä tiimin ristiriitoja rakentavasti.", "Jag kan hantera konflikter i teamet på ett konstruktivt sätt.", "I can handle conflicts in the team constructively.")),
        ],
      },
      {
        id: "wellbeing",
        title: t("Oma jaksaminen ja kehittyminen", "Egen ork och utveckling", "My own wellbeing and development"),
        statements: [
          item("wellbeing_priorities", t("Osaan priorisoida työni usean projektin ristipaineessa.", "Jag kan prioritera mitt arbete när flera projekt drar åt olika håll.", "I can prioritise my work when several projects pull in different directions.")),
          item("wellbeing_load", t("Tunnistan kuormitukseni merkit ja tiedän, mitä teen niiden ilmaantuessa.", "Jag känner igen tecknen på att jag är överbelastad och vet vad jag gör när de dyker upp.", "I recognise the signs of overload in myself and know what to do when they appear.")),
          item("wellbeing_peers", t("Haen aktiivisesti tukea ja oppia kollegoilta.", "Jag söker aktivt stöd och lärdomar hos kolleger.", "I actively seek support and learning from colleagues.")),
        ],
      },
    ],
    reflections: [
      item("strengths", t("Missä onnistun projektipäällikkönä parhaiten?", "Vad lyckas jag bäst med som projektledare?", "What do I do best as a project manager?")),
      item("develop", t("Mitä haluan kehittää tämän prosessin aikana, ja mistä huomaan kehittyneeni?", "Vad vill jag utveckla under den här processen, och hur märker jag att jag har utvecklats?", "What do I want to develop during this process, and how will I notice that I have grown?")),
    ],
  },
};

/** Seed 000: the four training sessions' themes and the peer instructor's tasks at a work workshop. */
const PEER_INSTRUCTOR: BuiltInTemplate = {
  key: "peer_instructor",
  name: t("Vertaisohjaajan osaaminen", "Kamrathandledarens kompetens", "Peer instructor competence"),
  content: {
    scaleLabels: AGREEMENT_SCALE,
    areas: [
      {
        id: "interaction",
        title: t("Vuorovaikutus", "Interaktion", "Interaction"),
        statements: [
          item("interaction_listening", t("Osaan kuunnella toista keskeyttämättä ja kysyä tarkentavia kysymyksiä.", "Jag kan lyssna på andra utan att avbryta och ställa preciserande frågor.", "I can listen to others without interrupting and ask clarifying questions.")),
          item("interaction_starting", t("Uskallan aloittaa keskustelun uuden ihmisen kanssa.", "Jag vågar inleda ett samtal med en ny person.", "I feel confident starting a conversation with someone new.")),
          item("interaction_feedback", t("Osaan antaa myönteistä palautetta niin, että toinen ottaa sen vastaan.", "Jag kan ge positiv feedback så att den andra tar emot den.", "I can give positive feedback in a way the other person takes in.")),
        ],
      },
      {
        id: "self_knowledge",
        title: t("Itsetuntemus", "Självkännedom", "Self-knowledge"),
        statements: [
          item("self_strengths", t("Tunnen omat vahvuuteni.", "Jag känner till mina styrkor.", "I know my strengths.")),
          item("self_support", t("Tiedän, missä tilanteissa tarvitsen itse tukea.", "Jag vet i vilka situationer jag själv behöver stöd.", "I know in which situations I need support myself.")),
          item("self_worth", t("Luotan siihen, että minulla on annettavaa muille.", "Jag litar på att jag har något att ge andra.", "I trust that I have something to offer others.")),
        ],
      },
      {
        id: "group_guidance",
        title: t("Ryhmänohjaus", "Att handleda grupper", "Group guidance"),
        statements: [
          item("group_starting", t("Osaan ohjata pientä ryhmää työtehtävän aloittamisessa.", "Jag kan handleda en liten grupp när en arbetsuppgift ska komma igång.", "I can guide a small group in getting started with a task.")),
          item("group_inclusion", t("Huomaan, jos joku jää ryhmässä ulkopuolelle, ja otan hänet mukaan.", "Jag märker om någon hamnar utanför i gruppen och tar med hen.", "I notice when someone is left out of the group and bring them in.")),
          item("group_calm", t("Pysyn rauhallisena, kun ryhmässä syntyy erimielisyyttä.", "Jag håller mig lugn när det uppstår oenighet i gruppen.", "I stay calm when disagreement arises in the group.")),
        ],
      },
      {
        id: "orientation",
        title: t("Perehdytyksen tukeminen", "Stöd i introduktionen", "Supporting orientation"),
        statements: [
          item("orientation_practices", t("Osaan esitellä työpajan käytännöt uudelle valmentautujalle.", "Jag kan presentera verkstadens rutiner för en ny deltagare.", "I can introduce the workshop's practices to a new participant.")),
          item("orientation_steps", t("Osaan neuvoa työtehtävässä selkeästi, vaihe kerrallaan.", "Jag kan ge tydliga råd i en arbetsuppgift, ett steg i taget.", "I can give clear, step-by-step guidance on a task.")),
          item("orientation_role", t("Tiedän, mitkä asiat kuuluvat vertaisohjaajalle ja mitkä ohjaan työvalmentajalle.", "Jag vet vilka saker som hör till en kamrathandledare och vilka jag hänvisar till arbetshandledaren.", "I know which matters belong to a peer instructor and which I refer to the work coach.")),
        ],
      },
      {
        id: "safety",
        title: t("Työturvalliset toimintatavat", "Arbetssäkra arbetssätt", "Safe working practices"),
        statements: [
          item("safety_rules", t("Tunnen työpajan turvallisuusohjeet.", "Jag känner till verkstadens säkerhetsanvisningar.", "I know the workshop's safety instructions.")),
          item("safety_example", t("Näytän esimerkkiä käyttämällä suojavarusteita ja turvallisia työtapoja.", "Jag föregår med gott exempel genom att använda skyddsutrustning och säkra arbetssätt.", "I set an example by using protective equipment and safe ways of working.")),
          item("safety_speaking_up", t("Uskallan huomauttaa ystävällisesti, jos näen vaarallisen työtavan.", "Jag vågar vänligt påpeka när jag ser ett farligt arbetssätt.", "I dare to point it out kindly when I see an unsafe way of working.")),
        ],
      },
    ],
    reflections: [
      item("role", t("Millaisena vertaisohjaajana haluan toimia?", "Hurdan kamrathandledare vill jag vara?", "What kind of peer instructor do I want to be?")),
      item("support", t("Missä tarvitsen tukea valmentajalta tai työnohjauksessa?", "I vad behöver jag stöd av coachen eller i handledningen?", "Where do I need support from my coach or in supervision?")),
    ],
  },
};

/** Any peer group: the Verme principles of narrative, dialogue and autonomy turned into statements. */
const PEER_GROUP: BuiltInTemplate = {
  key: "peer_group",
  name: t("Vertaisryhmän itsearviointi", "Självvärdering för kamratgruppen", "Peer group self-assessment"),
  content: {
    scaleLabels: AGREEMENT_SCALE,
    areas: [
      {
        id: "sharing",
        title: t("Kokemusten jakaminen", "Att dela erfarenheter", "Sharing experiences"),
        statements: [
          item("sharing_openly", t("Kerron ryhmässä avoimesti omista kokemuksistani.", "Jag berättar öppet om mina erfarenheter i gruppen.", "I share my own experiences openly in the group.")),
          item("sharing_listening", t("Kuuntelen toisten kokemuksia arvostavasti.", "Jag lyssnar på andras erfarenheter med respekt.", "I listen to others' experiences with respect.")),
        ],
      },
      {
        id: "learning",
        title: t("Oppiminen muilta", "Att lära av andra", "Learning from others"),
        statements: [
          item("learning_perspectives", t("Saan ryhmästä uusia näkökulmia omaan työhöni.", "Jag får nya perspektiv på mitt arbete av gruppen.", "The group gives me new perspectives on my work.")),
          item("learning_trying", t("Kokeilen käytännössä ryhmässä syntyneitä ideoita.", "Jag prövar i praktiken idéer som kommit upp i gruppen.", "I try out in practice ideas that came up in the group.")),
        ],
      },
      {
        id: "goals",
        title: t("Tavoitteellisuus", "Målinriktning", "Working towards goals"),
        statements: [
          item("goals_clear", t("Tiedän, mitä tavoittelen tässä ryhmässä.", "Jag vet vad jag vill uppnå i den här gruppen.", "I know what I am aiming for in this group.")),
          item("goals_between", t("Edistän tavoitteitani myös tapaamisten välillä.", "Jag arbetar för mina mål även mellan träffarna.", "I work towards my goals between meetings too.")),
        ],
      },
      {
        id: "confidence",
        title: t("Luottamus omaan osaamiseen", "Tillit till den egna kompetensen", "Confidence in my own competence"),
        statements: [
          item("confidence_competence", t("Tunnistan oman osaamiseni.", "Jag känner igen min egen kompetens.", "I recognise my own competence.")),
          item("confidence_help", t("Uskallan pyytää apua, kun tarvitsen sitä.", "Jag vågar be om hjälp när jag behöver det.", "I dare to ask for help when I need it.")),
        ],
      },
    ],
    reflections: [
      item("hopes", t("Mitä toivon saavani tästä ryhmästä?", "Vad hoppas jag få ut av den här gruppen?", "What do I hope to gain from this group?")),
      item("changes", t("Mikä on muuttunut ajattelussani tai tekemisessäni?", "Vad har förändrats i mitt tänkande eller handlande?", "What has changed in how I think or act?")),
    ],
  },
};

/** The short closing survey: what was useful, what to change, would you recommend it. */
const CLOSING_FEEDBACK: BuiltInTemplate = {
  key: "closing_feedback",
  name: t("Loppupalaute", "Slutrespons", "Closing feedback"),
  content: {
    scaleLabels: AGREEMENT_SCALE,
    areas: [
      {
        id: "feedback",
        title: t("Palaute prosessista", "Respons på processen", "Feedback on the process"),
        statements: [
          item("useful", t("Ryhmästä oli minulle hyötyä.", "Gruppen var till nytta för mig.", "The group was useful to me.")),
          item("safe", t("Ryhmässä oli turvallista puhua.", "Det kändes tryggt att tala i gruppen.", "It felt safe to speak in the group.")),
          item("facilitation", t("Ohjaus tuki ryhmän työskentelyä.", "Handledningen stödde gruppens arbete.", "The facilitation supported the group's work.")),
          item("recommend", t("Suosittelisin vertaisryhmää kollegalleni.", "Jag skulle rekommendera kamratgruppen till en kollega.", "I would recommend the peer group to a colleague.")),
        ],
      },
    ],
    reflections: [
      item("most_useful", t("Mikä oli sinulle hyödyllisintä?", "Vad var mest till nytta för dig?", "What was most useful to you?")),
      item("change", t("Mitä muuttaisit seuraavalla kerralla?", "Vad skulle du ändra till nästa gång?", "What would you change next time?")),
      item("recommend_why", t("Suosittelisitko tätä muille? Miksi tai miksi et?", "Skulle du rekommendera det här till andra? Varför eller varför inte?", "Would you recommend this to others? Why or why not?")),
    ],
  },
};

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [PROJECT_MANAGEMENT, PEER_INSTRUCTOR, PEER_GROUP, CLOSING_FEEDBACK];

import type { LocalizedText } from "../../shared/schemas/assessments";
import type { MethodPhase } from "../../shared/schemas/meetings";

/**
 * The built-in library of facilitation method cards that ships with Piiri, in Finnish, Swedish and
 * English (seed 004: "encourage groups to try different facilitation methods, and support practising
 * them", especially in virtual groups). The cards are written to the database on start.
 *
 * `key` is a stable id: changing any text of a card here is fine and updates the stored card, but
 * changing a key makes a new card (and leaves the old one behind), so never rename keys.
 *
 * Every card respects the group's ethics: everyone is equal, everyone is heard, and what is shared in
 * the group stays in the group. Each step's minutes add up to a total within `durationMinutes`.
 */

export interface MethodStep {
  minutes: number;
  text: LocalizedText;
}

export interface BuiltInMethodCard {
  /** Stable snake_case id, unique, e.g. "check_in_round". */
  key: string;
  phase: MethodPhase;
  title: LocalizedText;
  /** One or two sentences. */
  purpose: LocalizedText;
  /** One or two sentences. */
  whenToUse: LocalizedText;
  groupSize: { min: number; max: number };
  durationMinutes: { min: number; max: number };
  virtualFriendly: boolean;
  /** 3–7 numbered steps; the sum of their minutes lies within durationMinutes. */
  steps: MethodStep[];
  /** How to run it in Teams/Zoom/Jitsi: breakout rooms, chat, shared notes, hand raising… */
  virtualTips: LocalizedText;
  /** What is needed ("" only if nothing at all). */
  materials: LocalizedText;
}

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });
const step = (minutes: number, fi: string, sv: string, en: string): MethodStep => ({ minutes, text: t(fi, sv, en) });

/* ------------------------------------------------------------------------------------------------ */
/* Opening / check-in                                                                               */
/* ------------------------------------------------------------------------------------------------ */

const OPENING: BuiltInMethodCard[] = [
  {
    key: "check_in_round",
    phase: "opening",
    title: t("Kuulumiskierros", "Incheckningsrunda", "Check-in round"),
    purpose: t(
      "Jokainen pääsee ääneen heti alussa, ja ryhmä kuulee, millä mielellä kukin tulee tapaamiseen. Yhteinen aloitus rakentaa luottamusta.",
      "Alla kommer till tals direkt i början, och gruppen hör hur var och en kommer till träffen. En gemensam start bygger förtroende.",
      "Everyone speaks right at the start, and the group hears how each person is arriving. A shared start builds trust.",
    ),
    whenToUse: t(
      "Lähes jokaisen tapaamisen alussa, erityisesti kun edellisestä kerrasta on kulunut pitkä aika.",
      "I början av nästan varje träff, särskilt när det har gått länge sedan förra gången.",
      "At the start of almost every meeting, especially when it has been a while since the last one.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 10, max: 20 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja esittää kysymyksen, esimerkiksi: ”Mitä sinulle kuuluu juuri nyt, ja mitä tuot mukanasi tähän tapaamiseen?”",
        "Handledaren ställer frågan, till exempel: ”Hur är läget just nu, och vad har du med dig till den här träffen?”",
        "The facilitator poses the question, for example: “How are you right now, and what are you bringing to this meeting?”",
      ),
      step(
        1,
        "Sopikaa puheenvuoron pituus (1–2 minuuttia) ja järjestys. Muistakaa, että kierroksella kuunnellaan eikä kommentoida.",
        "Kom överens om hur långa turerna är (1–2 minuter) och i vilken ordning ni talar. Kom ihåg att man under rundan lyssnar och inte kommenterar.",
        "Agree on the length of each turn (1–2 minutes) and the order. Remember that during the round you listen and do not comment.",
      ),
      step(
        10,
        "Jokainen kertoo vuorollaan kuulumisensa. Kukin päättää itse, mitä kertoo, ja vuoron voi myös ohittaa ja palata siihen myöhemmin.",
        "Var och en berättar i tur och ordning hur det står till. Var och en bestämmer själv vad hen berättar, och man får också stå över och ta sin tur senare.",
        "Each person shares in turn. Everyone decides what to tell, and anyone may pass and take their turn later.",
      ),
      step(
        2,
        "Ohjaaja kiittää ja nostaa esiin, jos kierroksella tuli esiin jotain, mikä kannattaa ottaa huomioon tapaamisen kulussa.",
        "Handledaren tackar och lyfter fram om något kom upp som ni bör ta hänsyn till under resten av träffen.",
        "The facilitator thanks everyone and points out anything from the round that the meeting should take into account.",
      ),
    ],
    virtualTips: t(
      "Pyytäkää kaikkia laittamaan kamera päälle, jos se on mahdollista. Kirjoittakaa puhejärjestys chattiin, esimerkiksi aakkosjärjestyksessä, niin kenenkään ei tarvitse arvailla vuoroaan. Jokainen antaa puheenvuoron seuraavalle nimeltä.",
      "Be alla att slå på kameran om det går. Skriv talarordningen i chatten, till exempel i alfabetisk ordning, så att ingen behöver gissa när det är hens tur. Var och en lämnar över ordet till nästa med namn.",
      "Ask everyone to switch their camera on if they can. Post the speaking order in the chat, for example alphabetically, so nobody has to guess when their turn is. Each speaker hands over to the next by name.",
    ),
    materials: t(
      "Ei tarvikkeita; verkossa chat puhejärjestystä varten.",
      "Inget material; på nätet chatten för talarordningen.",
      "Nothing needed; online, the chat for the speaking order.",
    ),
  },
  {
    key: "weather_report",
    phase: "opening",
    title: t("Oma sääkartta", "Min väderrapport", "Weather report"),
    purpose: t(
      "Sääkuva auttaa kertomaan omasta vireestä lyhyesti ja leikillisesti, myös silloin kun oloa on vaikea pukea sanoiksi.",
      "Vädret som bild hjälper en att kort och lekfullt berätta hur man mår, också när det är svårt att sätta ord på det.",
      "Using the weather as an image helps people say briefly and playfully how they are, even when it is hard to put into words.",
    ),
    whenToUse: t(
      "Tapaamisen alussa, kun aikaa on vähän tai ryhmä on vasta tutustumassa. Sopii myös lopetukseen, jolloin voitte verrata alun ja lopun säätä.",
      "I början av en träff när det är ont om tid eller när gruppen ännu håller på att lära känna varandra. Passar också som avslutning, så att ni kan jämföra vädret i början och i slutet.",
      "At the start of a meeting when time is short or the group is still getting to know each other. Also works at the end, so you can compare the weather before and after.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 5, max: 15 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja pyytää jokaista miettimään, millainen sää hänessä on juuri nyt: aurinkoista, puolipilvistä, sumuista, sateista vai ukkosta?",
        "Handledaren ber var och en fundera på vilket väder hen har inom sig just nu: sol, halvmulet, dimma, regn eller åska?",
        "The facilitator asks everyone to think about what the weather inside them is like right now: sunny, partly cloudy, foggy, rainy or stormy?",
      ),
      step(
        1,
        "Jokainen valitsee itselleen sääsymbolin tai piirtää oman pienen sääkartan.",
        "Var och en väljer en vädersymbol eller ritar en egen liten väderkarta.",
        "Everyone picks a weather symbol or draws their own little weather map.",
      ),
      step(
        8,
        "Jokainen kertoo vuorollaan säänsä ja yhdellä lauseella, mistä se johtuu. Muut kuuntelevat kommentoimatta.",
        "Var och en berättar i tur och ordning om sitt väder och med en mening vad det beror på. De andra lyssnar utan att kommentera.",
        "Each person in turn tells their weather and, in one sentence, what is behind it. The others listen without commenting.",
      ),
      step(
        1,
        "Ohjaaja kokoaa ryhmän yhteisen sään yhteen lauseeseen, esimerkiksi ”vaihtelevaa pilvisyyttä, illaksi selkenee”.",
        "Handledaren sammanfattar gruppens gemensamma väder i en mening, till exempel ”växlande molnighet, uppklarnande mot kvällen”.",
        "The facilitator sums up the group's shared weather in one sentence, for example “changing cloud, clearing towards the evening”.",
      ),
    ],
    virtualTips: t(
      "Jakakaa ruudulla kuva sääsymboleista ja pyytäkää kaikkia kirjoittamaan oma sääemojinsa chattiin yhtä aikaa ennen suullista kierrosta. Ryhmän sääkartan voi koota myös yhteiselle valkotaululle, johon jokainen lisää oman merkkinsä.",
      "Dela en bild med vädersymboler på skärmen och be alla skriva sin väderemoji i chatten samtidigt före den muntliga rundan. Gruppens väderkarta kan också byggas på en gemensam digital whiteboard där var och en lägger till sin symbol.",
      "Share a picture of weather symbols on screen and ask everyone to post their weather emoji in the chat at the same moment before the spoken round. You can also build the group's weather map on a shared whiteboard where everyone adds their own mark.",
    ),
    materials: t(
      "Kuva sääsymboleista (tulosteena tai jaettuna ruudulla)",
      "En bild med vädersymboler (utskriven eller delad på skärmen)",
      "A picture of weather symbols (printed or shared on screen)",
    ),
  },
  {
    key: "one_word_check_in",
    phase: "opening",
    title: t("Yksi sana", "Ett ord", "One word"),
    purpose: t(
      "Nopea aloitus, jossa jokainen tiivistää olonsa tai odotuksensa yhteen sanaan. Kaikkien ääni kuuluu heti alussa, vaikka aikaa olisi vähän.",
      "En snabb start där var och en sammanfattar sitt läge eller sina förväntningar i ett enda ord. Allas röster hörs direkt, även när tiden är knapp.",
      "A quick start in which everyone sums up how they are, or what they expect, in a single word. Every voice is heard at once, even when time is short.",
    ),
    whenToUse: t(
      "Kun aikaa on niukasti, ryhmä on suuri tai halutaan kevyt aloitus ennen raskaampaa työskentelyä.",
      "När tiden är knapp, gruppen är stor eller ni vill ha en lätt start före ett tyngre arbetspass.",
      "When time is tight, the group is large, or you want a light start before heavier work.",
    ),
    groupSize: { min: 3, max: 20 },
    durationMinutes: { min: 3, max: 10 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja kertoo aiheen, esimerkiksi ”Yksi sana, joka kuvaa viikkoasi” tai ”Yksi sana siitä, mitä toivot tältä tapaamiselta”.",
        "Handledaren presenterar temat, till exempel ”Ett ord som beskriver din vecka” eller ”Ett ord om vad du hoppas på av den här träffen”.",
        "The facilitator gives the theme, for example “One word that describes your week” or “One word for what you hope to get from this meeting”.",
      ),
      step(
        1,
        "Jokainen miettii hetken hiljaa oman sanansa.",
        "Var och en funderar en stund i tysthet på sitt ord.",
        "Everyone takes a quiet moment to find their word.",
      ),
      step(
        3,
        "Sanat sanotaan vuorotellen ääneen ilman selityksiä. Halutessaan voi lisätä yhden lauseen.",
        "Orden sägs högt i tur och ordning utan förklaringar. Den som vill kan lägga till en mening.",
        "Say the words aloud in turn, without explanations. Anyone who wants to may add one sentence.",
      ),
      step(
        1,
        "Ohjaaja toistaa muutaman sanan ja kytkee ne tapaamisen aiheeseen.",
        "Handledaren upprepar några av orden och knyter dem till träffens tema.",
        "The facilitator repeats a few of the words and links them to the meeting's topic.",
      ),
    ],
    virtualTips: t(
      "Pyytäkää kaikkia kirjoittamaan sanansa chattiin mutta lähettämään sen vasta ohjaajan merkistä. Näin sanat ilmestyvät yhtä aikaa eikä kukaan toista edellistä. Sanat voi koota yhteiseen muistioon tai sanapilveksi.",
      "Be alla skriva sitt ord i chatten men skicka det först när handledaren ger tecken. Då dyker orden upp samtidigt och ingen upprepar den förra. Orden kan samlas i de gemensamma anteckningarna eller i ett ordmoln.",
      "Ask everyone to type their word in the chat but send it only when the facilitator gives the signal. The words then appear at the same time and nobody just echoes the previous one. Collect the words in the shared notes or a word cloud.",
    ),
    materials: t("Ei tarvikkeita; verkossa chat.", "Inget material; på nätet chatten.", "Nothing needed; online, the chat."),
  },
  {
    key: "photo_or_object_check_in",
    phase: "opening",
    title: t("Kuva tai esine kertoo", "En bild eller ett föremål berättar", "Photo or object check-in"),
    purpose: t(
      "Kuva tai esine auttaa kertomaan itsestä ja kuulumisista tarinan kautta. Se tuo esiin asioita, jotka eivät nousisi esiin pelkällä kysymyksellä.",
      "En bild eller ett föremål hjälper en att berätta om sig själv och sitt läge genom en berättelse. Det lyfter fram sådant som en vanlig fråga inte skulle fånga.",
      "A photo or object helps people talk about themselves and their news through a story. It brings up things a plain question would not.",
    ),
    whenToUse: t(
      "Ryhmän alkuvaiheessa tutustumiseen tai kun halutaan tavallista syvempi aloitus, esimerkiksi kesätauon jälkeen.",
      "I gruppens början för att lära känna varandra, eller när ni vill ha en djupare start än vanligt, till exempel efter sommaruppehållet.",
      "Early in the group's life to get to know each other, or when you want a deeper start than usual, for example after the summer break.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 15, max: 30 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja pyytää valitsemaan puhelimesta kuvan tai lähistöltä esineen, joka kertoo jotain tämänhetkisestä työstä tai elämästä. Pyynnön voi lähettää myös etukäteen.",
        "Handledaren ber alla välja en bild i telefonen eller ett föremål i närheten som säger något om arbetet eller livet just nu. Uppmaningen kan också skickas ut i förväg.",
        "The facilitator asks everyone to choose a photo on their phone, or an object nearby, that says something about their work or life right now. You can also send this request in advance.",
      ),
      step(
        2,
        "Jokainen miettii hetken, mitä haluaa kuvastaan tai esineestään kertoa ja mitä jättää kertomatta.",
        "Var och en funderar en stund på vad hen vill berätta om sin bild eller sitt föremål och vad hen lämnar osagt.",
        "Everyone takes a moment to decide what they want to say about their photo or object, and what to leave out.",
      ),
      step(
        15,
        "Jokainen näyttää vuorollaan kuvansa tai esineensä ja kertoo siitä noin kaksi minuuttia. Muut kuuntelevat.",
        "Var och en visar i tur och ordning sin bild eller sitt föremål och berättar om det i ungefär två minuter. De andra lyssnar.",
        "Each person in turn shows their photo or object and talks about it for about two minutes. The others listen.",
      ),
      step(
        3,
        "Lopuksi jokainen voi sanoa yhden asian, joka jäi mieleen toisten kertomuksista.",
        "Till sist kan var och en nämna en sak som fastnade från de andras berättelser.",
        "Finally, anyone can name one thing that stayed with them from the others' stories.",
      ),
    ],
    virtualTips: t(
      "Pyytäkää osallistujia lisäämään kuvansa yhteiseen muistioon tai chattiin ennen tapaamista tai sen alussa, ja näyttäkää kuvat vuorollaan jaetulta näytöltä. Esineen voi näyttää kameralle. Kuvissa ei saa näkyä muita tunnistettavia ihmisiä ilman heidän lupaansa.",
      "Be deltagarna lägga in sin bild i de gemensamma anteckningarna eller i chatten före träffen eller i början av den, och visa bilderna i tur och ordning på delad skärm. Ett föremål kan visas för kameran. Bilderna får inte visa andra igenkännbara personer utan deras lov.",
      "Ask people to add their photo to the shared notes or the chat before or at the start of the meeting, and show the photos one by one on a shared screen. Objects can be held up to the camera. Photos must not show other recognisable people without their permission.",
    ),
    materials: t(
      "Osallistujien oma kuva puhelimessa tai esine; verkossa yhteinen muistio kuville",
      "Deltagarnas egen bild i telefonen eller ett föremål; på nätet gemensamma anteckningar för bilderna",
      "Each person's own photo on their phone, or an object; online, a shared notes page for the photos",
    ),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* Goal review (seed 004: start every meeting by revisiting the goals)                              */
/* ------------------------------------------------------------------------------------------------ */

const GOAL_REVIEW: BuiltInMethodCard[] = [
  {
    key: "goal_traffic_lights",
    phase: "goal_review",
    title: t("Tavoitteiden liikennevalot", "Trafikljus för målen", "Goal traffic lights"),
    purpose: t(
      "Ryhmä näkee nopeasti, missä yhteisten tavoitteiden kanssa ollaan: mikä etenee, mikä junnaa ja mikä on jumissa. Tapaaminen alkaa tavoitteista, kuten vertaisryhmämentoroinnissa kuuluu.",
      "Gruppen ser snabbt var ni står med de gemensamma målen: vad som går framåt, vad som stampar på stället och vad som har kört fast. Träffen börjar med målen, så som kamratgruppsmentorskap förutsätter.",
      "The group quickly sees where it stands with its shared goals: what is moving, what is slow and what is stuck. The meeting starts from the goals, as peer-group mentoring recommends.",
    ),
    whenToUse: t(
      "Jokaisen tapaamisen alussa heti kuulumiskierroksen jälkeen.",
      "I början av varje träff, direkt efter incheckningsrundan.",
      "At the start of every meeting, right after the check-in round.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 10, max: 20 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja tuo ryhmän 1–3 tavoitetta kaikkien nähtäville.",
        "Handledaren visar gruppens 1–3 mål så att alla ser dem.",
        "The facilitator puts the group's 1–3 goals where everyone can see them.",
      ),
      step(
        2,
        "Jokainen arvioi hiljaa jokaisen tavoitteen oman työnsä kannalta: vihreä = etenee, keltainen = etenee hitaasti tai epävarmasti, punainen = jumissa.",
        "Var och en bedömer i tysthet varje mål utifrån sitt eget arbete: grönt = går framåt, gult = går långsamt eller osäkert, rött = har kört fast.",
        "Everyone silently rates each goal from the point of view of their own work: green = moving, yellow = slow or uncertain, red = stuck.",
      ),
      step(
        1,
        "Kaikki näyttävät värinsä yhtä aikaa, tavoite kerrallaan.",
        "Alla visar sin färg samtidigt, ett mål i taget.",
        "Everyone shows their colour at the same time, one goal at a time.",
      ),
      step(
        8,
        "Keskustelkaa ensin punaisista ja keltaisista: mikä hidastaa? Vihreistä kertoo lyhyesti se, jolla on jaettavaa onnistumisesta.",
        "Diskutera först de röda och gula: vad bromsar? Om de gröna berättar kort den som har en framgång att dela med sig av.",
        "Talk first about the reds and yellows: what is holding things up? For the greens, whoever has a success to share tells it briefly.",
      ),
      step(
        2,
        "Kirjatkaa muistioon kunkin tavoitteen tilanne ja yksi havainto, niin ensi kerralla näette muutoksen.",
        "Anteckna läget för varje mål och en iakttagelse, så ser ni förändringen nästa gång.",
        "Note the status of each goal and one observation, so next time you can see what has changed.",
      ),
    ],
    virtualTips: t(
      "Käyttäkää chatissa värillisiä ympyröitä 🟢🟡🔴 tai tehkää yhteiseen muistioon taulukko, johon jokainen merkitsee värinsä tavoitteittain. Pyytäkää lähettämään merkit yhtä aikaa, jotta arviot eivät ohjaa toisiaan. Punaisista voi pyytää puheenvuoroja käden nostolla.",
      "Använd färgade cirklar 🟢🟡🔴 i chatten eller gör en tabell i de gemensamma anteckningarna där var och en markerar sin färg för varje mål. Be alla skicka samtidigt så att bedömningarna inte påverkar varandra. Be om inlägg om de röda med funktionen räck upp handen.",
      "Use coloured circles 🟢🟡🔴 in the chat, or make a table in the shared notes where everyone marks their colour for each goal. Ask everyone to send at the same moment so the ratings do not sway each other. Take turns on the reds with hand raising.",
    ),
    materials: t(
      "Ryhmän tavoitteet näkyvillä; punaiset, keltaiset ja vihreät laput tai verkossa yhteinen muistio",
      "Gruppens mål synliga; röda, gula och gröna lappar eller på nätet gemensamma anteckningar",
      "The group's goals on display; red, yellow and green cards, or online a shared notes page",
    ),
  },
  {
    key: "progress_scale_round",
    phase: "goal_review",
    title: t("Edistymisasteikko 1–5", "Framstegsskala 1–5", "Progress scale 1–5 round"),
    purpose: t(
      "Jokainen sijoittaa oman edistymisensä kohti tavoitetta asteikolle 1–5 ja kertoo, mikä on vienyt eteenpäin. Luku tekee kehityksen näkyväksi tapaamisesta toiseen.",
      "Var och en placerar sina framsteg mot målet på en skala från 1 till 5 och berättar vad som har fört hen framåt. Siffran gör utvecklingen synlig från träff till träff.",
      "Each person places their progress towards the goal on a 1–5 scale and says what has moved them forward. The number makes growth visible from meeting to meeting.",
    ),
    whenToUse: t(
      "Tavoitekatsauksessa, kun halutaan verrata edistymistä edelliseen kertaan. Sopii erityisesti prosessin puoliväliin.",
      "När ni går igenom målen och vill jämföra framstegen med förra gången. Passar särskilt bra halvvägs i processen.",
      "During the goal review when you want to compare progress with last time. Especially useful halfway through the process.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 10, max: 25 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja muistuttaa tavoitteesta ja asteikosta: 1 = en ole vielä päässyt alkuun, 5 = tavoite on saavutettu.",
        "Handledaren påminner om målet och skalan: 1 = jag har inte kommit i gång ännu, 5 = målet är nått.",
        "The facilitator recalls the goal and the scale: 1 = I have not got started yet, 5 = the goal is reached.",
      ),
      step(
        2,
        "Jokainen valitsee itselleen luvun ja miettii sille yhden konkreettisen syyn.",
        "Var och en väljer en siffra och funderar ut ett konkret skäl till den.",
        "Everyone picks a number and thinks of one concrete reason for it.",
      ),
      step(
        10,
        "Jokainen kertoo vuorollaan lukunsa ja syyn: mikä nosti lukua edellisestä kerrasta ja mitä tarvittaisiin, jotta luku nousisi yhdellä?",
        "Var och en berättar i tur och ordning sin siffra och skälet: vad har höjt den sedan förra gången, och vad skulle behövas för att den ska stiga ett steg?",
        "Each person in turn gives their number and reason: what raised it since last time, and what would it take to move it up by one?",
      ),
      step(
        2,
        "Kirjatkaa luvut muistioon, jotta voitte ensi kerralla verrata niitä.",
        "Anteckna siffrorna så att ni kan jämföra dem nästa gång.",
        "Write the numbers in the notes so you can compare them next time.",
      ),
    ],
    virtualTips: t(
      "Käyttäkää videopalvelun kyselytoimintoa tai yhteisen muistion taulukkoa, johon jokainen kirjoittaa lukunsa. Näyttäkää tulos jaetulla näytöllä ennen puheenvuoroja. Isossa ryhmässä perustelut voi käydä läpi kolmen hengen pienryhmähuoneissa.",
      "Använd videotjänstens omröstningsfunktion eller en tabell i de gemensamma anteckningarna där var och en skriver sin siffra. Visa resultatet på delad skärm före turerna. I en stor grupp kan motiveringarna gås igenom i grupprum med tre personer.",
      "Use the video tool's poll feature, or a table in the shared notes where everyone writes their number. Show the result on a shared screen before the turns. In a large group, go through the reasons in breakout rooms of three.",
    ),
    materials: t(
      "Asteikko näkyvillä (paperilla tai ruudulla) ja edellisen kerran luvut muistiosta",
      "Skalan synlig (på papper eller skärm) och förra gångens siffror från anteckningarna",
      "The scale on display (on paper or screen) and last time's numbers from the notes",
    ),
  },
  {
    key: "next_step_commitments",
    phase: "goal_review",
    title: t("Seuraava askel", "Nästa steg", "Next-step commitments"),
    purpose: t(
      "Jokainen sopii yhden pienen ja konkreettisen teon, joka vie tavoitetta eteenpäin ennen seuraavaa tapaamista. Ääneen sanottu aikomus toteutuu todennäköisemmin.",
      "Var och en bestämmer en liten och konkret handling som för målet framåt före nästa träff. En avsikt som sägs högt blir oftare av.",
      "Each person commits to one small, concrete action that moves the goal forward before the next meeting. An intention said out loud is more likely to happen.",
    ),
    whenToUse: t(
      "Tavoitekatsauksen lopuksi tai tapaamisen päätteeksi. Seuraavalla kerralla aloitetaan kysymällä, miten askeleet onnistuivat.",
      "När ni har gått igenom målen eller i slutet av träffen. Nästa gång börjar ni med att fråga hur det gick med stegen.",
      "At the end of the goal review or of the meeting. Next time, start by asking how the steps went.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 10, max: 20 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja pyytää jokaista miettimään: mikä on pienin askel, jonka voin ottaa ennen seuraavaa tapaamista?",
        "Handledaren ber var och en fundera: vilket är det minsta steg jag kan ta före nästa träff?",
        "The facilitator asks everyone to think: what is the smallest step I can take before the next meeting?",
      ),
      step(
        3,
        "Jokainen kirjoittaa askeleensa muotoon ”Teen … viimeistään …”. Askeleen pitää olla niin pieni, että se varmasti onnistuu.",
        "Var och en skriver sitt steg i formen ”Jag gör … senast …”. Steget ska vara så litet att det säkert blir av.",
        "Everyone writes their step as “I will … by …”. It should be small enough to be sure to happen.",
      ),
      step(
        8,
        "Jokainen lukee askeleensa ääneen. Muut voivat esittää yhden tarkentavan kysymyksen tai tarjota apuaan.",
        "Var och en läser upp sitt steg. De andra kan ställa en preciserande fråga eller erbjuda sin hjälp.",
        "Everyone reads their step aloud. The others may ask one clarifying question or offer their help.",
      ),
      step(
        2,
        "Askeleet kirjataan muistioon nimen kanssa. Seuraavan tapaamisen tavoitekatsaus alkaa niistä.",
        "Stegen antecknas med namn. Nästa träffs genomgång av målen börjar med dem.",
        "Record the steps with names in the notes. The next meeting's goal review starts from them.",
      ),
    ],
    virtualTips: t(
      "Tehkää yhteiseen muistioon taulukko: nimi, askel, määräaika, tehty. Jokainen kirjoittaa oman rivinsä yhtä aikaa ja lukee sen sitten ääneen. Ryhmän chatissa voitte muistuttaa toisianne askeleista tapaamisten välillä.",
      "Gör en tabell i de gemensamma anteckningarna: namn, steg, tidsgräns, klart. Var och en fyller i sin rad samtidigt och läser sedan upp den. I gruppens chatt kan ni påminna varandra om stegen mellan träffarna.",
      "Make a table in the shared notes: name, step, deadline, done. Everyone fills in their own row at the same time and then reads it aloud. Use the group chat to remind each other of the steps between meetings.",
    ),
    materials: t(
      "Yhteinen muistio tai paperi ja kynä",
      "Gemensamma anteckningar eller papper och penna",
      "Shared notes page, or paper and pen",
    ),
  },
  {
    key: "obstacles_and_support",
    phase: "goal_review",
    title: t("Esteet ja tuki", "Hinder och stöd", "Obstacles and support"),
    purpose: t(
      "Ryhmä tunnistaa, mikä estää tavoitteen etenemistä, ja miettii, millaista tukea jäsenet voivat antaa toisilleen. Vertaisten apu tulee näkyväksi ja konkreettiseksi.",
      "Gruppen tar reda på vad som hindrar målet från att gå framåt och funderar på vilket stöd medlemmarna kan ge varandra. Kamraternas hjälp blir synlig och konkret.",
      "The group identifies what is blocking a goal and works out what support members can give each other. Peer help becomes visible and concrete.",
    ),
    whenToUse: t(
      "Kun liikennevaloissa tai asteikkokierroksella näkyy paljon punaista tai kun tavoite ei ole edennyt kahteen tapaamiseen.",
      "När trafikljusen eller skalrundan visar mycket rött, eller när ett mål inte har rört sig på två träffar.",
      "When the traffic lights or the scale round show a lot of red, or when a goal has not moved for two meetings.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 20, max: 35 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Sopikaa, mitä tavoitetta käsittelette.",
        "Kom överens om vilket mål ni ska arbeta med.",
        "Agree which goal you will work on.",
      ),
      step(
        5,
        "Jokainen kirjoittaa hiljaa lapuille esteitä, jotka hidastavat juuri tätä tavoitetta: yksi este lappua kohden.",
        "Var och en skriver i tysthet på lappar ner hinder som bromsar just det här målet: ett hinder per lapp.",
        "Everyone silently writes down on cards the obstacles slowing this particular goal: one obstacle per card.",
      ),
      step(
        6,
        "Kootkaa laput yhteen ja ryhmitelkää samankaltaiset. Valitkaa kaksi tai kolme estettä, joihin tartutte.",
        "Samla lapparna och gruppera de som liknar varandra. Välj två eller tre hinder som ni tar itu med.",
        "Put the cards together and group similar ones. Choose two or three obstacles to tackle.",
      ),
      step(
        8,
        "Pohtikaa jokaisen esteen kohdalla: mitä voimme tehdä itse, keneltä saisimme apua ja miten voimme tukea toisiamme?",
        "Fundera för varje hinder: vad kan vi göra själva, vem kunde hjälpa oss och hur kan vi stödja varandra?",
        "For each obstacle, ask: what can we do ourselves, who could help us, and how can we support each other?",
      ),
      step(
        3,
        "Kirjatkaa sovitut tukitoimet ja niiden vastuuhenkilöt muistioon.",
        "Anteckna de stödåtgärder ni kommit överens om och vem som ansvarar för dem.",
        "Note the agreed support actions and who is responsible for each.",
      ),
    ],
    virtualTips: t(
      "Käyttäkää yhteistä muistiota tai valkotaulua, johon jokainen lisää esteensä hiljaisen kirjoitusvaiheen aikana. Ohjaaja voi ryhmitellä laput jaetulla näytöllä ja ajatella ääneen. Isossa ryhmässä kutakin estettä voi pohtia omassa pienryhmähuoneessaan.",
      "Använd gemensamma anteckningar eller en digital whiteboard där var och en lägger till sina hinder under den tysta skrivfasen. Handledaren kan gruppera lapparna på delad skärm och tänka högt. I en stor grupp kan varje hinder behandlas i ett eget grupprum.",
      "Use a shared notes page or whiteboard where everyone adds their obstacles during the silent writing phase. The facilitator can group the cards on a shared screen, thinking aloud. In a large group, work on each obstacle in its own breakout room.",
    ),
    materials: t(
      "Tarralaput ja kynät tai verkossa yhteinen muistio tai valkotaulu",
      "Post it-lappar och pennor eller på nätet gemensamma anteckningar eller en digital whiteboard",
      "Sticky notes and pens, or online a shared notes page or whiteboard",
    ),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* Sharing and deepening                                                                            */
/* ------------------------------------------------------------------------------------------------ */

const SHARING: BuiltInMethodCard[] = [
  {
    key: "case_clinic",
    phase: "sharing",
    title: t("Tapausklinikka", "Fallklinik", "Case clinic"),
    purpose: t(
      "Yksi jäsen tuo käsiteltäväksi todellisen työtilanteen, ja ryhmä auttaa häntä näkemään sen uusista näkökulmista. Tapauksen tuoja päättää itse, mitä ottaa keskustelusta mukaansa.",
      "En medlem tar upp en verklig arbetssituation, och gruppen hjälper hen att se den ur nya synvinklar. Den som för fram fallet bestämmer själv vad hen tar med sig från samtalet.",
      "One member brings a real work situation, and the group helps them see it from new angles. The case owner decides what to take away from the discussion.",
    ),
    whenToUse: t(
      "Kun jollakulla on ajankohtainen ja pulmallinen tilanne, johon hän kaipaa toisten näkemyksiä. Sopii tapaamisen pääosioksi.",
      "När någon har en aktuell och knepig situation där hen vill höra andras synpunkter. Passar som träffens huvuddel.",
      "When someone has a current, tricky situation and wants others' views on it. Works as the main part of a meeting.",
    ),
    groupSize: { min: 4, max: 10 },
    durationMinutes: { min: 40, max: 60 },
    virtualFriendly: true,
    steps: [
      step(
        5,
        "Sopikaa tapauksen tuoja ja ajanottaja. Ohjaaja muistuttaa, että tapauksesta puhutaan vain tässä ryhmässä.",
        "Bestäm vem som för fram fallet och vem som håller tiden. Handledaren påminner om att fallet bara diskuteras i den här gruppen.",
        "Choose the case owner and a timekeeper. The facilitator reminds everyone that the case is discussed only within this group.",
      ),
      step(
        8,
        "Tapauksen tuoja kertoo tilanteesta: mitä on tapahtunut, mitä hän on jo kokeillut ja mihin hän kaipaa apua. Muut kuuntelevat keskeyttämättä.",
        "Den som för fram fallet beskriver situationen: vad som har hänt, vad hen redan har prövat och vad hen behöver hjälp med. De andra lyssnar utan att avbryta.",
        "The case owner describes the situation: what has happened, what they have already tried and what they need help with. The others listen without interrupting.",
      ),
      step(
        7,
        "Muut esittävät tarkentavia kysymyksiä. Neuvoja ei vielä anneta.",
        "De andra ställer preciserande frågor. Inga råd ges ännu.",
        "The others ask clarifying questions. No advice yet.",
      ),
      step(
        15,
        "Tapauksen tuoja siirtyy kuuntelijaksi, esimerkiksi kääntää tuolinsa sivuttain. Muut keskustelevat keskenään: mitä he huomasivat, mikä heitä kosketti ja mitä he itse kokeilisivat.",
        "Den som fört fram fallet övergår till att lyssna, till exempel genom att vända sin stol åt sidan. De andra samtalar sinsemellan: vad lade de märke till, vad berörde dem och vad skulle de själva pröva?",
        "The case owner becomes a listener, for example by turning their chair sideways. The others talk among themselves: what did they notice, what touched them, what would they try?",
      ),
      step(
        7,
        "Tapauksen tuoja palaa mukaan ja kertoo, mikä keskustelusta jäi mieleen ja mitä hän aikoo kokeilla.",
        "Den som fört fram fallet kommer tillbaka och berättar vad som fastnade och vad hen tänker pröva.",
        "The case owner rejoins and says what stayed with them and what they intend to try.",
      ),
      step(
        3,
        "Jokainen kertoo lyhyesti, mitä oppi tapauksesta omaan työhönsä.",
        "Var och en berättar kort vad hen lärde sig av fallet för sitt eget arbete.",
        "Everyone says briefly what they learned from the case for their own work.",
      ),
    ],
    virtualTips: t(
      "Tapauksen tuoja voi sulkea kameransa ja mikrofoninsa keskusteluvaiheen ajaksi, jolloin hän saa kuunnella rauhassa. Kirjuri kirjoittaa ideat yhteiseen muistioon, jotta tuoja saa ne talteen. Käyttäkää puheenvuoroihin käden nostoa.",
      "Den som för fram fallet kan stänga av kamera och mikrofon under samtalsfasen och lyssna i lugn och ro. En sekreterare skriver ner idéerna i de gemensamma anteckningarna så att hen får behålla dem. Använd räck upp handen för att begära ordet.",
      "The case owner can switch off camera and microphone during the discussion and just listen. A note-taker writes the ideas in the shared notes so the case owner keeps them. Use hand raising to take turns.",
    ),
    materials: t(
      "Kello ajanottoon; yhteinen muistio ideoille",
      "En klocka för tidtagning; gemensamma anteckningar för idéerna",
      "A clock for timekeeping; a shared notes page for the ideas",
    ),
  },
  {
    key: "peer_consultation",
    phase: "sharing",
    title: t("Vertaiskonsultaatio", "Kamratkonsultation", "Peer consultation"),
    purpose: t(
      "Jäsen saa ryhmältä konkreettisia ideoita yhteen tarkasti muotoiltuun kysymykseen. Rakenne varmistaa, että jokainen pääsee antamaan oman panoksensa ja että kysyjä pitää päätösvallan.",
      "En medlem får konkreta idéer från gruppen till en noggrant formulerad fråga. Strukturen ser till att alla får bidra och att den som frågar behåller beslutanderätten.",
      "A member gets concrete ideas from the group for one carefully worded question. The structure makes sure everyone contributes and the person asking keeps the final say.",
    ),
    whenToUse: t(
      "Kun jollakulla on selkeä kysymys, esimerkiksi ”Miten saan ohjausryhmän sitoutumaan?”, ja aikaa on rajallisesti.",
      "När någon har en tydlig fråga, till exempel ”Hur får jag styrgruppen att engagera sig?”, och tiden är begränsad.",
      "When someone has a clear question, such as “How do I get the steering group committed?”, and time is limited.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 25, max: 40 },
    virtualFriendly: true,
    steps: [
      step(
        3,
        "Kysyjä muotoilee kysymyksensä yhdeksi lauseeksi. Ohjaaja kirjoittaa sen kaikkien nähtäville.",
        "Den som frågar formulerar sin fråga i en mening. Handledaren skriver upp den så att alla ser den.",
        "The person asking puts their question into one sentence. The facilitator writes it where all can see.",
      ),
      step(
        4,
        "Kysyjä kertoo lyhyesti taustan.",
        "Den som frågar berättar kort om bakgrunden.",
        "The person asking gives the background briefly.",
      ),
      step(
        5,
        "Muut esittävät vuorotellen kukin yhden tarkentavan kysymyksen.",
        "De andra ställer i tur och ordning var sin preciserande fråga.",
        "The others each ask one clarifying question in turn.",
      ),
      step(
        3,
        "Jokainen kirjoittaa hiljaa omat ideansa.",
        "Var och en skriver i tysthet ner sina idéer.",
        "Everyone silently writes down their ideas.",
      ),
      step(
        10,
        "Jokainen kertoo vuorollaan yhden idean kerrallaan, ja kierroksia jatketaan, kunnes ideat loppuvat. Kysyjä kuuntelee ja kirjoittaa mutta ei kommentoi.",
        "Var och en ger i tur och ordning en idé i taget, och rundorna fortsätter tills idéerna tar slut. Den som frågar lyssnar och antecknar men kommenterar inte.",
        "Each person in turn offers one idea at a time, and the rounds go on until the ideas run out. The person asking listens and writes but does not comment.",
      ),
      step(
        5,
        "Kysyjä kertoo, mitkä ideat hän ottaa käyttöön, ja kiittää. Valintoja ei tarvitse perustella.",
        "Den som frågar berättar vilka idéer hen tar i bruk och tackar. Valen behöver inte motiveras.",
        "The person asking says which ideas they will use, and thanks the group. No need to justify the choices.",
      ),
    ],
    virtualTips: t(
      "Kirjoittakaa kysymys yhteisen muistion otsikoksi ja pyytäkää jokaista lisäämään ideansa listaan ideakierroksen aikana. Kysyjä voi merkitä valitsemansa ideat suoraan muistioon. Puhejärjestys kannattaa kirjoittaa chattiin.",
      "Skriv frågan som rubrik i de gemensamma anteckningarna och be var och en lägga till sina idéer i listan under idérundan. Den som frågar kan markera de idéer hen väljer direkt i anteckningarna. Skriv gärna talarordningen i chatten.",
      "Write the question as the heading of a shared notes page and ask everyone to add their ideas to the list during the idea round. The person asking can mark their chosen ideas right there. Post the speaking order in the chat.",
    ),
    materials: t(
      "Yhteinen muistio tai fläppitaulu; kello",
      "Gemensamma anteckningar eller blädderblock; en klocka",
      "Shared notes page or flip chart; a clock",
    ),
  },
  {
    key: "learning_cafe",
    phase: "sharing",
    title: t("Oppimiskahvila", "Lärcafé", "Learning café"),
    purpose: t(
      "Osallistujat keskustelevat pienissä pöytäryhmissä ja vaihtavat pöytää kierroksittain, jolloin ajatukset kulkevat ryhmästä toiseen. Suuressakin joukossa jokainen pääsee ääneen.",
      "Deltagarna samtalar i små bordsgrupper och byter bord efter varje omgång, så att tankarna sprids från grupp till grupp. Också i en stor skara kommer alla till tals.",
      "People talk in small table groups and switch tables each round, so ideas travel from group to group. Even in a large crowd everyone gets to speak.",
    ),
    whenToUse: t(
      "Ryhmien välisissä kohtaamisissa tai kun useampi ryhmä kokoontuu yhteen. Sopii, kun käsiteltävänä on 2–4 kysymystä, joihin halutaan monia näkökulmia.",
      "Vid träffar mellan grupper eller när flera grupper samlas. Passar när ni har 2–4 frågor som ni vill belysa ur många synvinklar.",
      "At cross-group gatherings or whenever several groups meet. Works when you have 2–4 questions you want many perspectives on.",
    ),
    groupSize: { min: 8, max: 60 },
    durationMinutes: { min: 45, max: 90 },
    virtualFriendly: true,
    steps: [
      step(
        5,
        "Ohjaaja esittelee kysymykset, yksi kysymys pöytää kohden. Jokaiselle pöydälle valitaan pöytäisäntä, joka pysyy paikallaan koko ajan.",
        "Handledaren presenterar frågorna, en fråga per bord. Varje bord får en bordsvärd som stannar kvar hela tiden.",
        "The facilitator presents the questions, one per table. Each table gets a host who stays put throughout.",
      ),
      step(
        15,
        "Ensimmäinen kierros: pöydissä keskustellaan kysymyksestä ja kirjataan ajatuksia pöydällä olevalle paperille.",
        "Första omgången: vid borden diskuterar ni frågan och skriver ner tankar på pappret på bordet.",
        "First round: each table discusses its question and writes thoughts on the paper on the table.",
      ),
      step(
        15,
        "Muut kuin pöytäisännät vaihtavat pöytää. Pöytäisäntä kertoo lyhyesti edellisen kierroksen ajatukset, ja keskustelu jatkuu niiden pohjalta.",
        "Alla utom bordsvärdarna byter bord. Bordsvärden berättar kort om tankarna från förra omgången, och samtalet fortsätter utifrån dem.",
        "Everyone except the hosts moves to a new table. The host briefly recaps the previous round, and the talk builds on it.",
      ),
      step(
        15,
        "Kolmas kierros samaan tapaan. Halutessanne osallistujat voivat palata aloituspöytäänsä.",
        "Tredje omgången på samma sätt. Om ni vill kan deltagarna återvända till sitt första bord.",
        "Third round in the same way. If you like, people can return to their first table.",
      ),
      step(
        10,
        "Pöytäisännät esittelevät kaikille kunkin kysymyksen tärkeimmät oivallukset.",
        "Bordsvärdarna presenterar för alla de viktigaste insikterna kring varje fråga.",
        "The hosts present the key insights on each question to everyone.",
      ),
    ],
    virtualTips: t(
      "Tehkää jokaiselle kysymykselle oma pienryhmähuone ja oma sivu yhteiseen muistioon. Pöytäisäntä jää huoneeseen, ja ohjaaja siirtää muut osallistujat kierrosten välissä. Lähettäkää kaikkiin huoneisiin viesti minuutti ennen kierroksen loppua.",
      "Skapa ett eget grupprum och en egen sida i de gemensamma anteckningarna för varje fråga. Bordsvärden stannar i rummet och handledaren flyttar de andra mellan omgångarna. Skicka ett meddelande till alla rum en minut innan omgången tar slut.",
      "Create one breakout room and one shared notes page per question. The host stays in the room and the facilitator moves everyone else between rounds. Broadcast a message to all rooms one minute before each round ends.",
    ),
    materials: t(
      "Pöydät, isot paperit ja tussit; verkossa pienryhmähuoneet ja yhteinen muistio",
      "Bord, stora papper och tuschpennor; på nätet grupprum och gemensamma anteckningar",
      "Tables, large sheets of paper and markers; online, breakout rooms and a shared notes page",
    ),
  },
  {
    key: "fishbowl",
    phase: "sharing",
    title: t("Kalamalja", "Akvariet", "Fishbowl"),
    purpose: t(
      "Pieni sisäpiiri keskustelee aiheesta muiden kuunnellessa ympärillä. Kuka tahansa voi liittyä keskusteluun vapaalle tuolille, joten puhuminen ja kuunteleminen vuorottelevat luontevasti.",
      "En liten inre ring samtalar om ett ämne medan de andra lyssnar runt omkring. Vem som helst kan ansluta sig via den tomma stolen, så att tala och lyssna växlar naturligt.",
      "A small inner circle talks about a topic while the others listen around it. Anyone can join the conversation via the empty chair, so speaking and listening alternate naturally.",
    ),
    whenToUse: t(
      "Kun aihe herättää eriäviä näkemyksiä tai kun suuressa joukossa halutaan syventävä keskustelu, esimerkiksi ryhmien välisessä kohtaamisessa.",
      "När ämnet väcker olika åsikter eller när ni vill ha ett fördjupande samtal i en stor grupp, till exempel vid en träff mellan grupper.",
      "When a topic divides opinion, or when you want a deeper conversation in a large group, for example at a cross-group gathering.",
    ),
    groupSize: { min: 8, max: 40 },
    durationMinutes: { min: 30, max: 60 },
    virtualFriendly: true,
    steps: [
      step(
        5,
        "Asetelkaa 4–5 tuolia piiriin keskelle ja muut tuolit niiden ympärille. Yksi sisäpiirin tuoli jätetään tyhjäksi. Ohjaaja esittelee aiheen.",
        "Ställ 4–5 stolar i en ring i mitten och de övriga stolarna runt omkring. En stol i den inre ringen lämnas tom. Handledaren presenterar ämnet.",
        "Set 4–5 chairs in a circle in the middle and the rest around them. Leave one inner chair empty. The facilitator introduces the topic.",
      ),
      step(
        3,
        "Kolme tai neljä vapaaehtoista istuu sisäpiiriin. Muut kuuntelevat ulkopiirissä.",
        "Tre eller fyra frivilliga sätter sig i den inre ringen. De andra lyssnar i den yttre ringen.",
        "Three or four volunteers sit in the inner circle. The others listen from the outer circle.",
      ),
      step(
        25,
        "Sisäpiiri keskustelee. Kun joku ulkopiiristä haluaa sanoa jotain, hän istuu tyhjälle tuolille, ja joku sisäpiiristä siirtyy ulos, jotta yksi tuoli vapautuu taas.",
        "Den inre ringen samtalar. När någon i den yttre ringen vill säga något sätter hen sig på den tomma stolen, och någon i den inre ringen flyttar ut så att en stol blir ledig igen.",
        "The inner circle talks. When someone outside wants to speak, they take the empty chair, and someone from the inner circle moves out so a chair is free again.",
      ),
      step(
        7,
        "Lopuksi kaikki kokoontuvat samaan piiriin, ja jokainen saa kertoa, mitä keskustelu herätti.",
        "Till sist samlas alla i samma ring och var och en får berätta vad samtalet väckte.",
        "Finally everyone gathers in one circle and each person may say what the conversation stirred in them.",
      ),
    ],
    virtualTips: t(
      "Sisäpiiri pitää kamerat ja mikrofonit päällä, ulkopiiri sulkee kameransa. Liittyäkseen keskusteluun ulkopiiriläinen nostaa käden ja avaa kameransa, ja joku sisäpiiristä sulkee omansa. Ulkopiirin kommentteja voi kerätä chattiin ja nostaa keskusteluun.",
      "Den inre ringen har kamera och mikrofon på, den yttre ringen stänger av kameran. Den som vill delta räcker upp handen och slår på kameran, och någon i den inre ringen stänger av sin. Kommentarer från den yttre ringen kan samlas i chatten och lyftas in i samtalet.",
      "The inner circle keeps cameras and microphones on; the outer circle turns cameras off. To join, someone raises their hand and turns their camera on, and someone in the inner circle turns theirs off. Collect outer-circle comments in the chat and bring them into the talk.",
    ),
    materials: t(
      "Tuolit kahteen piiriin; verkossa sovittu tapa käyttää kameroita",
      "Stolar för två ringar; på nätet en överenskommelse om hur kamerorna används",
      "Chairs for two circles; online, an agreed way of using cameras",
    ),
  },
  {
    key: "one_two_four_all",
    phase: "sharing",
    title: t("1–2–4–kaikki", "1–2–4–alla", "1-2-4-all"),
    purpose: t(
      "Ajatukset kypsyvät ensin yksin, sitten pareittain ja neljän hengen ryhmissä ja lopuksi koko ryhmässä. Hiljaisemmatkin saavat ideansa esiin, ja parhaat ajatukset nousevat pintaan.",
      "Tankarna mognar först enskilt, sedan i par och i grupper om fyra och till sist i hela gruppen. Också de tystare får fram sina idéer, och de bästa tankarna kommer upp till ytan.",
      "Thoughts develop first alone, then in pairs and in fours, and finally in the whole group. Quieter people get their ideas heard too, and the best ideas rise to the top.",
    ),
    whenToUse: t(
      "Kun yhteen kysymykseen tarvitaan nopeasti paljon ideoita tai ratkaisuja kaikkia osallistaen. Alle kuuden hengen ryhmässä nelikkovaiheen voi jättää väliin.",
      "När ni snabbt behöver många idéer eller lösningar på en fråga och vill att alla deltar. I en grupp på färre än sex personer kan fyrgruppsfasen hoppas över.",
      "When you need many ideas or solutions to one question quickly, with everyone involved. In a group of fewer than six, skip the foursome stage.",
    ),
    groupSize: { min: 4, max: 40 },
    durationMinutes: { min: 15, max: 30 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja esittää kysymyksen, esimerkiksi ”Miten saisimme yhteydenpidon tapaamisten välillä toimimaan paremmin?”",
        "Handledaren ställer frågan, till exempel ”Hur kunde vi hålla bättre kontakt mellan träffarna?”",
        "The facilitator asks the question, for example “How could we keep in better touch between meetings?”",
      ),
      step(
        2,
        "Yksin: jokainen pohtii kysymystä ja kirjoittaa ideansa ylös.",
        "Enskilt: var och en funderar på frågan och skriver ner sina idéer.",
        "Alone: everyone thinks about the question and writes down their ideas.",
      ),
      step(
        4,
        "Pareittain: kertokaa ideanne toisillenne ja jatkokehittäkää niitä.",
        "I par: berätta era idéer för varandra och bygg vidare på dem.",
        "In pairs: share your ideas and build on them.",
      ),
      step(
        6,
        "Neljän hengen ryhmissä: kertokaa parien ideat ja valitkaa niistä yksi tai kaksi tärkeintä.",
        "I grupper om fyra: berätta parens idéer och välj en eller två av de viktigaste.",
        "In fours: share the pairs' ideas and choose the one or two most important.",
      ),
      step(
        8,
        "Koko ryhmä: jokainen nelikko kertoo vuorollaan yhden idean, jota ei ole vielä kuultu. Ohjaaja kirjaa ideat.",
        "Hela gruppen: varje fyrgrupp berättar i tur och ordning en idé som inte redan har hörts. Handledaren skriver upp idéerna.",
        "Whole group: each foursome in turn shares one idea not yet heard. The facilitator writes the ideas down.",
      ),
    ],
    virtualTips: t(
      "Yksin-vaiheessa jokainen kirjoittaa omiin muistiinpanoihinsa. Pari- ja nelikkovaiheet tehdään pienryhmähuoneissa, jotka ohjaaja luo valmiiksi. Pyytäkää nelikkoja kirjaamaan valitsemansa ideat yhteiseen muistioon, jolloin koonti on valmiina yhteistä vaihetta varten.",
      "I den enskilda fasen skriver var och en i sina egna anteckningar. Par- och fyrgruppsfaserna görs i grupprum som handledaren har skapat i förväg. Be fyrgrupperna skriva in sina valda idéer i de gemensamma anteckningarna, så är sammanställningen klar när alla samlas.",
      "In the solo stage everyone writes in their own notes. The pair and foursome stages happen in breakout rooms the facilitator sets up in advance. Ask each foursome to add its chosen ideas to the shared notes, so the summary is ready when you regroup.",
    ),
    materials: t(
      "Paperia ja kyniä; verkossa pienryhmähuoneet ja yhteinen muistio",
      "Papper och pennor; på nätet grupprum och gemensamma anteckningar",
      "Paper and pens; online, breakout rooms and a shared notes page",
    ),
  },
  {
    key: "appreciative_interview",
    phase: "sharing",
    title: t("Arvostava haastattelu", "Uppskattande intervju", "Appreciative interview"),
    purpose: t(
      "Parit haastattelevat toisiaan onnistumisista ja vahvuuksista. Ryhmä löytää onnistumisten taustalta tekijöitä, joita voi hyödyntää tavoitteiden saavuttamisessa.",
      "Paren intervjuar varandra om framgångar och styrkor. Gruppen hittar det som ligger bakom framgångarna och som kan användas för att nå målen.",
      "Pairs interview each other about successes and strengths. The group uncovers what lies behind the successes and can use it to reach its goals.",
    ),
    whenToUse: t(
      "Kun ryhmä tarvitsee uskoa omiin voimavaroihinsa, esimerkiksi vaikean vaiheen jälkeen tai tavoitteita asetettaessa.",
      "När gruppen behöver tro på sina egna resurser, till exempel efter en svår period eller när ni sätter mål.",
      "When the group needs to believe in its own resources, for example after a hard patch or when setting goals.",
    ),
    groupSize: { min: 4, max: 20 },
    durationMinutes: { min: 30, max: 50 },
    virtualFriendly: true,
    steps: [
      step(
        3,
        "Ohjaaja jakaa osallistujat pareiksi ja antaa haastattelukysymyksen: ”Kerro tilanteesta, jossa onnistuit työssäsi erityisen hyvin. Mikä teki onnistumisen mahdolliseksi?”",
        "Handledaren delar in deltagarna i par och ger intervjufrågan: ”Berätta om en situation då du lyckades särskilt bra i ditt arbete. Vad gjorde det möjligt?”",
        "The facilitator pairs people up and gives the interview question: “Tell me about a time your work went especially well. What made it possible?”",
      ),
      step(
        8,
        "Toinen haastattelee, toinen kertoo. Haastattelija kysyy lisää: mitä teit, kuka auttoi, mitä opit?",
        "Den ena intervjuar, den andra berättar. Intervjuaren frågar vidare: vad gjorde du, vem hjälpte till, vad lärde du dig?",
        "One interviews, the other tells. The interviewer digs deeper: what did you do, who helped, what did you learn?",
      ),
      step(8, "Vaihtakaa rooleja.", "Byt roller.", "Swap roles."),
      step(
        12,
        "Parit kertovat koko ryhmälle lyhyesti toistensa tarinoista, kertojan luvalla, ja nimeävät onnistumisen edellytyksiä. Ohjaaja kirjaa ne.",
        "Paren berättar kort för hela gruppen om varandras berättelser, med berättarens lov, och nämner vad som gjorde framgången möjlig. Handledaren skriver upp det.",
        "Pairs briefly retell each other's stories to the whole group, with the teller's permission, and name what made success possible. The facilitator writes these down.",
      ),
      step(
        4,
        "Keskustelkaa: mitä näistä edellytyksistä voisimme hyödyntää yhteisissä tavoitteissamme?",
        "Diskutera: vilka av de här förutsättningarna kunde vi använda för våra gemensamma mål?",
        "Discuss: which of these conditions could we use for our shared goals?",
      ),
    ],
    virtualTips: t(
      "Tehkää parihaastattelut pienryhmähuoneissa ja kirjoittakaa haastattelukysymys chattiin, jotta se on näkyvissä huoneissakin. Kootkaa onnistumisen edellytykset yhteiseen muistioon purkuvaiheessa. Muistuttakaa, että parin tarinasta kerrotaan muille vain hänen luvallaan.",
      "Gör parintervjuerna i grupprum och skriv intervjufrågan i chatten så att den syns också i rummen. Samla förutsättningarna för framgång i de gemensamma anteckningarna när ni går igenom resultaten. Påminn om att man bara berättar om kamratens berättelse med hens lov.",
      "Run the pair interviews in breakout rooms and post the interview question in the chat so it is visible in the rooms too. Collect the conditions for success in the shared notes during the debrief. Remind everyone to retell a partner's story only with their permission.",
    ),
    materials: t(
      "Haastattelukysymys paperilla tai chatissa; yhteinen muistio koontia varten",
      "Intervjufrågan på papper eller i chatten; gemensamma anteckningar för sammanställningen",
      "The interview question on paper or in the chat; a shared notes page for the summary",
    ),
  },
  {
    key: "success_story",
    phase: "sharing",
    title: t("Onnistumistarina", "Framgångsberättelse", "Success story"),
    purpose: t(
      "Jäsen kertoo tarinan onnistumisesta, ja ryhmä auttaa tunnistamaan siitä osaamista, jota voi hyödyntää muuallakin. Onnistumisista puhuminen vahvistaa ja levittää hyviä käytäntöjä.",
      "En medlem berättar om en framgång, och gruppen hjälper till att se vilken kompetens som finns bakom den och som kan användas också på annat håll. Att tala om framgångar stärker och sprider goda metoder.",
      "A member tells the story of a success, and the group helps spot the know-how behind it that can be used elsewhere. Talking about successes strengthens people and spreads good practice.",
    ),
    whenToUse: t(
      "Kun joku on saanut aikaan jotain tavoitteiden kannalta merkittävää, tai prosessin loppupuolella hyvien käytäntöjen keräämiseen.",
      "När någon har åstadkommit något som är viktigt för målen, eller mot slutet av processen för att samla goda metoder.",
      "When someone has achieved something significant for the goals, or towards the end of the process to collect good practice.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 20, max: 40 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Sopikaa kertoja. Muut valitsevat kukin kuuntelukulman: mitä kertoja teki, mitä hän ajatteli, keitä oli mukana tai millaiset olosuhteet olivat.",
        "Bestäm vem som berättar. De andra väljer var sin lyssningsvinkel: vad berättaren gjorde, vad hen tänkte, vilka som var med eller hurdana omständigheterna var.",
        "Choose the storyteller. The others each pick a listening angle: what the teller did, what they thought, who was involved, or what the circumstances were.",
      ),
      step(
        7,
        "Kertoja kertoo tarinansa alusta loppuun: lähtötilanne, mitä tapahtui ja mitä siitä seurasi.",
        "Berättaren berättar sin historia från början till slut: utgångsläget, vad som hände och vad det ledde till.",
        "The storyteller tells the story from start to finish: the starting point, what happened and what came of it.",
      ),
      step(
        8,
        "Kuulijat kertovat vuorollaan, mitä he kuulivat onnistumisen taustalta omasta kuuntelukulmastaan.",
        "Lyssnarna berättar i tur och ordning vad de hörde ligga bakom framgången utifrån sin lyssningsvinkel.",
        "The listeners take turns saying what they heard behind the success from their listening angle.",
      ),
      step(
        5,
        "Kertoja kommentoi: mikä yllätti, mikä osui kohdalleen?",
        "Berättaren kommenterar: vad överraskade, vad träffade rätt?",
        "The storyteller responds: what surprised them, what rang true?",
      ),
      step(
        3,
        "Kirjatkaa muistioon yksi tai kaksi hyvää käytäntöä, joita muutkin voivat kokeilla.",
        "Anteckna en eller två goda metoder som också andra kan pröva.",
        "Note one or two good practices that others can try too.",
      ),
    ],
    virtualTips: t(
      "Kirjoittakaa kuuntelukulmat chattiin ja pyytäkää jokaista valitsemaan niistä yksi. Kuulijat voivat kirjoittaa havaintojaan yhteiseen muistioon kertomuksen aikana, jolloin palautekierros sujuu nopeasti.",
      "Skriv lyssningsvinklarna i chatten och be var och en välja en av dem. Lyssnarna kan skriva ner sina iakttagelser i de gemensamma anteckningarna medan berättelsen pågår, så går responsrundan snabbt.",
      "Post the listening angles in the chat and ask everyone to pick one. Listeners can jot their observations in the shared notes during the story, which speeds up the response round.",
    ),
    materials: t(
      "Kuuntelukulmat paperilla tai chatissa; yhteinen muistio",
      "Lyssningsvinklarna på papper eller i chatten; gemensamma anteckningar",
      "The listening angles on paper or in the chat; a shared notes page",
    ),
  },
  {
    key: "troika_consulting",
    phase: "sharing",
    title: t("Troikkakonsultaatio", "Trojkakonsultation", "Troika consulting"),
    purpose: t(
      "Kolmen hengen ryhmissä jokainen saa vuorollaan kahden vertaisen nopean konsultaation omaan kysymykseensä. Kaikki ovat vuorotellen sekä kysyjiä että auttajia.",
      "I grupper om tre får var och en i tur och ordning en snabb konsultation av två kamrater kring sin egen fråga. Alla är turvis både den som frågar och den som hjälper.",
      "In groups of three, each person in turn gets a quick consultation from two peers on their own question. Everyone takes turns being both the one asking and a helper.",
    ),
    whenToUse: t(
      "Kun monella on omia pulmia eikä aika riitä jokaisen käsittelyyn koko ryhmässä.",
      "När många har egna frågor och tiden inte räcker till att behandla allas i hela gruppen.",
      "When many people have their own challenges and there is not enough time to take each one in the whole group.",
    ),
    groupSize: { min: 3, max: 30 },
    durationMinutes: { min: 30, max: 45 },
    virtualFriendly: true,
    steps: [
      step(
        3,
        "Jakautukaa kolmen hengen ryhmiin. Jokainen miettii kysymyksen, johon haluaa apua.",
        "Dela in er i grupper om tre. Var och en funderar ut en fråga hen vill ha hjälp med.",
        "Split into groups of three. Everyone thinks of a question they want help with.",
      ),
      step(
        10,
        "Ensimmäinen kysyjä kertoo kysymyksensä ja taustan, ja auttajat tarkentavat. Sitten kysyjä kääntää selkänsä ja kuuntelee, kun auttajat keskustelevat ideoista. Lopuksi kysyjä kertoo, mikä oli hyödyllisintä.",
        "Den första frågeställaren berättar om sin fråga och bakgrunden, och hjälparna ställer preciserande frågor. Sedan vänder frågeställaren ryggen till och lyssnar medan hjälparna diskuterar idéer. Till sist berättar frågeställaren vad som var mest till nytta.",
        "The first person states their question and background, and the helpers ask clarifying questions. Then the person turns their back and listens while the helpers discuss ideas. Finally they say what was most useful.",
      ),
      step(
        10,
        "Toinen kysyjä samalla tavalla.",
        "Den andra frågeställaren på samma sätt.",
        "The second person in the same way.",
      ),
      step(
        10,
        "Kolmas kysyjä samalla tavalla.",
        "Den tredje frågeställaren på samma sätt.",
        "The third person in the same way.",
      ),
      step(
        5,
        "Koko ryhmässä: mitä opitte auttajina ja kysyjinä?",
        "I hela gruppen: vad lärde ni er som hjälpare och som frågeställare?",
        "Whole group: what did you learn as helpers and as the ones asking?",
      ),
    ],
    virtualTips: t(
      "Tehkää kolmen hengen pienryhmähuoneet. Kysyjä sulkee kameransa auttajien keskustelun ajaksi, jotta hän voi kuunnella rauhassa. Lähettäkää huoneisiin viesti aina, kun on aika vaihtaa kysyjää.",
      "Skapa grupprum med tre personer i varje. Frågeställaren stänger av kameran medan hjälparna samtalar så att hen kan lyssna i lugn och ro. Skicka ett meddelande till rummen varje gång det är dags att byta frågeställare.",
      "Create breakout rooms of three. The person asking turns their camera off while the helpers talk, so they can just listen. Broadcast a message to the rooms each time it is time to switch.",
    ),
    materials: t("Kello; verkossa pienryhmähuoneet", "En klocka; på nätet grupprum", "A clock; online, breakout rooms"),
  },
  {
    key: "reflecting_team",
    phase: "sharing",
    title: t("Reflektoiva tiimi", "Reflekterande team", "Reflecting team"),
    purpose: t(
      "Yksi jäsen haastattelee toista, ja osa ryhmästä toimii reflektoivana tiiminä, joka pohtii kuulemaansa ääneen keskenään. Haastateltava kuulee monta tulkintaa ilman neuvojen painetta.",
      "En medlem intervjuar en annan, och en del av gruppen fungerar som ett reflekterande team som funderar högt sinsemellan över det de har hört. Den intervjuade får höra många tolkningar utan press att ta emot råd.",
      "One member interviews another, and part of the group acts as a reflecting team that thinks aloud together about what they heard. The interviewee hears many interpretations without pressure to take advice.",
    ),
    whenToUse: t(
      "Kun tilanne on monisyinen tai tunnepitoinen ja halutaan avata uusia näkökulmia ennemmin kuin ratkaista.",
      "När situationen är mångfacetterad eller känsloladdad och ni hellre vill öppna nya perspektiv än lösa den.",
      "When a situation is complex or emotionally charged and you want to open new perspectives rather than solve it.",
    ),
    groupSize: { min: 4, max: 10 },
    durationMinutes: { min: 30, max: 50 },
    virtualFriendly: true,
    steps: [
      step(
        3,
        "Valitkaa haastateltava, haastattelija ja 2–4 hengen reflektoiva tiimi. Muut seuraavat sivusta.",
        "Välj den som intervjuas, en intervjuare och ett reflekterande team på 2–4 personer. De övriga följer med från sidan.",
        "Choose the interviewee, an interviewer and a reflecting team of 2–4. Anyone else observes.",
      ),
      step(
        12,
        "Haastattelija kysyy haastateltavalta hänen tilanteestaan. Reflektoiva tiimi kuuntelee puhumatta.",
        "Intervjuaren frågar den intervjuade om hens situation. Det reflekterande teamet lyssnar under tystnad.",
        "The interviewer asks the interviewee about their situation. The reflecting team listens in silence.",
      ),
      step(
        10,
        "Reflektoiva tiimi keskustelee keskenään kuulemastaan ja puhuu haastateltavasta kunnioittavasti. Ajatukset esitetään mahdollisuuksina: ”Mietin, voisiko…”",
        "Det reflekterande teamet samtalar sinsemellan om det de hörde och talar respektfullt om den intervjuade. Tankarna framförs som möjligheter: ”Jag undrar om …”",
        "The reflecting team talks among themselves about what they heard, speaking of the interviewee respectfully. Thoughts are offered as possibilities: “I wonder whether…”",
      ),
      step(
        7,
        "Haastattelija kysyy haastateltavalta, mitä reflektoinnista jäi mieleen ja mikä tuntui tärkeältä.",
        "Intervjuaren frågar den intervjuade vad som fastnade från reflektionen och vad som kändes viktigt.",
        "The interviewer asks the interviewee what stayed with them from the reflection and what felt important.",
      ),
      step(
        5,
        "Koko ryhmä kertoo lyhyesti, mitä prosessi herätti.",
        "Hela gruppen berättar kort vad processen väckte.",
        "The whole group says briefly what the process stirred in them.",
      ),
    ],
    virtualTips: t(
      "Reflektoiva tiimi pitää kamerat kiinni haastattelun ajan ja avaa ne omassa vaiheessaan; haastateltava ja haastattelija taas sulkevat kameransa sen ajaksi. Näin roolit näkyvät selvästi ruudulla. Sopikaa roolit etukäteen chatissa.",
      "Det reflekterande teamet har kamerorna avstängda under intervjun och slår på dem i sin egen fas, medan den intervjuade och intervjuaren då stänger av sina. Så syns rollerna tydligt på skärmen. Kom överens om rollerna i förväg i chatten.",
      "The reflecting team keeps cameras off during the interview and turns them on for their own phase, while the interviewee and interviewer then turn theirs off. This makes the roles clear on screen. Agree the roles in the chat beforehand.",
    ),
    materials: t(
      "Tuolit kahteen ryhmään; verkossa sovittu tapa käyttää kameroita",
      "Stolar i två grupper; på nätet en överenskommelse om hur kamerorna används",
      "Chairs in two groups; online, an agreed way of using cameras",
    ),
  },
  {
    key: "dilemma_discussion",
    phase: "sharing",
    title: t("Dilemmakeskustelu", "Dilemmasamtal", "Dilemma discussion"),
    purpose: t(
      "Ryhmä pohtii tilannetta, jossa ei ole yhtä oikeaa ratkaisua ja jossa eri arvot ovat ristiriidassa. Tarkoitus on ymmärtää eri näkökulmia, ei voittaa väittelyä.",
      "Gruppen funderar på en situation där det inte finns en enda rätt lösning och där olika värderingar står mot varandra. Syftet är att förstå olika synsätt, inte att vinna en debatt.",
      "The group explores a situation with no single right answer, where values pull in different directions. The aim is to understand different viewpoints, not to win an argument.",
    ),
    whenToUse: t(
      "Kun työssä on tullut vastaan arvoristiriitoja, esimerkiksi aikataulun ja laadun tai asiakkaan ja organisaation tarpeiden välillä.",
      "När ni i arbetet har stött på värdekonflikter, till exempel mellan tidtabell och kvalitet eller mellan kundens och organisationens behov.",
      "When work has raised value conflicts, for example between schedule and quality, or between a client's and the organisation's needs.",
    ),
    groupSize: { min: 4, max: 12 },
    durationMinutes: { min: 30, max: 45 },
    virtualFriendly: true,
    steps: [
      step(
        5,
        "Joku kertoo dilemman lyhyesti, tai ohjaaja tuo valmiin. Muotoilkaa se muotoon ”Pitäisikö … vai …?” ja jättäkää pois tiedot, joista ihmiset voisi tunnistaa.",
        "Någon beskriver dilemmat kort, eller så tar handledaren med ett färdigt. Formulera det som ”Borde man … eller …?” och lämna bort uppgifter som kunde avslöja vilka personerna är.",
        "Someone describes the dilemma briefly, or the facilitator brings one. Phrase it as “Should we … or …?” and leave out anything that would identify the people involved.",
      ),
      step(
        3,
        "Jokainen kirjoittaa hiljaa oman kantansa ja perustelunsa.",
        "Var och en skriver i tysthet ner sin ståndpunkt och sina skäl.",
        "Everyone silently writes down their position and reasons.",
      ),
      step(
        5,
        "Asettukaa janalle sen mukaan, mitä ajattelette: toisessa päässä täysin A, toisessa täysin B.",
        "Ställ er längs en linje enligt vad ni tycker: i ena ändan helt A, i andra helt B.",
        "Stand along a line according to your view: fully A at one end, fully B at the other.",
      ),
      step(
        15,
        "Janan eri kohdista kerrotaan perusteluja vuorotellen. Kuulijat kysyvät ymmärtääkseen, eivät väitelläkseen.",
        "Personer från olika ställen på linjen berättar om sina skäl i tur och ordning. Lyssnarna frågar för att förstå, inte för att debattera.",
        "People from different points on the line take turns giving their reasons. Listeners ask in order to understand, not to argue.",
      ),
      step(
        5,
        "Jokainen kertoo, muuttuiko oma näkemys ja mitä uutta hän ymmärsi.",
        "Var och en berättar om den egna synen förändrades och vad hen förstod på ett nytt sätt.",
        "Everyone says whether their view shifted and what they now understand differently.",
      ),
    ],
    virtualTips: t(
      "Piirtäkää jana yhteiselle valkotaululle, ja jokainen siirtää nimensä haluamaansa kohtaan. Vaihtoehtoisesti käyttäkää kyselytoimintoa asteikolla 1–5. Jakakaa puheenvuorot käden nostolla janan eri päistä vuorotellen.",
      "Rita linjen på en gemensam digital whiteboard, och var och en flyttar sitt namn dit hen vill. Ni kan också använda omröstningsfunktionen med en skala från 1 till 5. Fördela ordet med räck upp handen, omväxlande från linjens olika ändar.",
      "Draw the line on a shared whiteboard and have everyone move their name to their spot. Alternatively, use the poll feature with a 1–5 scale. Take turns with hand raising, alternating between the ends of the line.",
    ),
    materials: t(
      "Lattiaan teipattu tai seinälle piirretty jana; verkossa valkotaulu tai kyselytoiminto",
      "En linje tejpad på golvet eller ritad på väggen; på nätet en digital whiteboard eller omröstningsfunktionen",
      "A line taped on the floor or drawn on a wall; online, a whiteboard or the poll feature",
    ),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* Reflection                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

const REFLECTION: BuiltInMethodCard[] = [
  {
    key: "what_so_what_now_what",
    phase: "reflection",
    title: t("Mitä? Entä sitten? Mitä nyt?", "Vad? Än sen då? Vad nu?", "What? So what? Now what?"),
    purpose: t(
      "Kolmivaiheinen pohdinta auttaa siirtymään kokemuksesta sen merkitykseen ja siitä toimintaan. Ryhmä ei jää kuvailemaan tapahtunutta vaan tekee siitä johtopäätöksiä.",
      "En reflektion i tre steg hjälper er att gå från upplevelse till betydelse och vidare till handling. Gruppen stannar inte vid att beskriva vad som hänt utan drar slutsatser.",
      "A three-step reflection that moves from experience to meaning and then to action. The group does not stop at describing what happened but draws conclusions.",
    ),
    whenToUse: t(
      "Kokeilun, projektin vaiheen tai tapaamisten välisen jakson jälkeen, kun halutaan oppia yhteisestä kokemuksesta.",
      "Efter ett försök, en projektfas eller perioden mellan två träffar, när ni vill lära er av en gemensam erfarenhet.",
      "After an experiment, a project phase or the time between meetings, when you want to learn from a shared experience.",
    ),
    groupSize: { min: 3, max: 20 },
    durationMinutes: { min: 20, max: 40 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja nimeää kokemuksen, jota pohditaan, esimerkiksi edellisen kuukauden kokeilut.",
        "Handledaren anger vilken erfarenhet ni ska reflektera över, till exempel försöken under den senaste månaden.",
        "The facilitator names the experience to reflect on, for example last month's experiments.",
      ),
      step(
        7,
        "Mitä? Kukin kertoo, mitä tapahtui ja mitä huomasi. Pysykää tosiasioissa ja havainnoissa, älkää vielä tulkitko.",
        "Vad? Var och en berättar vad som hände och vad hen lade märke till. Håll er till fakta och iakttagelser och vänta med tolkningarna.",
        "What? Each person says what happened and what they noticed. Stick to facts and observations; no interpretations yet.",
      ),
      step(
        8,
        "Entä sitten? Mitä havainnot tarkoittavat? Mitä niistä voi päätellä, ja mikä yllätti?",
        "Än sen då? Vad betyder iakttagelserna? Vilka slutsatser kan ni dra, och vad överraskade?",
        "So what? What do the observations mean? What can you conclude, and what surprised you?",
      ),
      step(
        8,
        "Mitä nyt? Mitä teemme toisin tai mitä kokeilemme seuraavaksi? Sopikaa yhdestä tai kahdesta asiasta.",
        "Vad nu? Vad gör vi annorlunda eller vad prövar vi härnäst? Kom överens om en eller två saker.",
        "Now what? What will we do differently or try next? Agree on one or two things.",
      ),
    ],
    virtualTips: t(
      "Tehkää yhteiseen muistioon kolme saraketta: Mitä?, Entä sitten? ja Mitä nyt?. Aloittakaa jokainen vaihe kahden minuutin hiljaisella kirjoittamisella ja purkakaa sitten ääneen. Isossa ryhmässä vaiheet voi käydä läpi pienryhmähuoneissa.",
      "Gör tre kolumner i de gemensamma anteckningarna: Vad?, Än sen då? och Vad nu?. Börja varje fas med två minuters tyst skrivande och gå sedan igenom det högt. I en stor grupp kan faserna gås igenom i grupprum.",
      "Make three columns in the shared notes: What?, So what? and Now what?. Start each stage with two minutes of silent writing, then talk it through. In a large group, do the stages in breakout rooms.",
    ),
    materials: t(
      "Fläppitaulu tai yhteinen muistio, jossa on kolme saraketta",
      "Blädderblock eller gemensamma anteckningar med tre kolumner",
      "Flip chart or shared notes page with three columns",
    ),
  },
  {
    key: "learning_diary_minute",
    phase: "reflection",
    title: t("Oppimispäiväkirjan minuutit", "Lärdagbokens minuter", "Learning diary minute"),
    purpose: t(
      "Lyhyt hiljainen kirjoitushetki, jossa jokainen kirjaa tapaamisen tärkeimmän oivalluksensa. Kirjoittaminen syventää oppimista ja auttaa muistamaan.",
      "En kort stund av tyst skrivande där var och en antecknar sin viktigaste insikt från träffen. Att skriva fördjupar lärandet och hjälper en att minnas.",
      "A short, silent writing moment in which everyone notes their main insight from the meeting. Writing deepens learning and helps it stick.",
    ),
    whenToUse: t(
      "Tapaamisen lopussa tai raskaan keskustelun jälkeen. Kun hetki toistuu joka kerta, merkinnöistä kertyy oma oppimispäiväkirja.",
      "I slutet av en träff eller efter ett tungt samtal. När stunden upprepas varje gång blir anteckningarna en egen lärdagbok.",
      "At the end of a meeting or after a heavy discussion. Repeated every time, the entries build up into a personal learning diary.",
    ),
    groupSize: { min: 1, max: 30 },
    durationMinutes: { min: 5, max: 10 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja antaa kaksi kysymystä: ”Mikä oli minulle tänään tärkeintä?” ja ”Mitä haluan muistaa?”",
        "Handledaren ger två frågor: ”Vad var viktigast för mig i dag?” och ”Vad vill jag komma ihåg?”",
        "The facilitator gives two questions: “What mattered most to me today?” and “What do I want to remember?”",
      ),
      step(
        3,
        "Jokainen kirjoittaa hiljaa ajatuksiaan. Teksti on omaa, eikä sitä tarvitse näyttää kenellekään.",
        "Var och en skriver ner sina tankar i tysthet. Texten är ens egen och behöver inte visas för någon.",
        "Everyone writes silently. The text is their own and need not be shown to anyone.",
      ),
      step(
        3,
        "Halukkaat voivat jakaa yhden lauseen kirjoittamastaan.",
        "Den som vill kan dela en mening ur det hen har skrivit.",
        "Anyone who wishes may share one sentence of what they wrote.",
      ),
    ],
    virtualTips: t(
      "Sopikaa, että kaikki sulkevat mikrofonit kirjoittamisen ajaksi, ja näyttäkää ajastin jaetulla näytöllä. Jokainen kirjoittaa omiin, yksityisiin muistiinpanoihinsa eikä ryhmän yhteiseen muistioon. Lauseen voi jakaa chatissa.",
      "Kom överens om att alla stänger av mikrofonen medan ni skriver, och visa en timer på delad skärm. Var och en skriver i sina egna, privata anteckningar och inte i gruppens gemensamma. Meningen kan delas i chatten.",
      "Agree that everyone mutes while writing, and show a timer on a shared screen. Everyone writes in their own private notes, not in the group's shared notes. The sentence can be shared in the chat.",
    ),
    materials: t(
      "Oma vihko tai muistiinpanosovellus",
      "Ett eget häfte eller en anteckningsapp",
      "Your own notebook or notes app",
    ),
  },
  {
    key: "letter_to_myself",
    phase: "reflection",
    title: t("Kirje itselle", "Brev till mig själv", "Letter to myself"),
    purpose: t(
      "Jokainen kirjoittaa kirjeen tulevalle itselleen: mitä toivoo, mitä on oppinut ja mitä haluaa muistaa. Kun kirje luetaan myöhemmin, oma kehitys tulee näkyväksi.",
      "Var och en skriver ett brev till sitt framtida jag: vad hen hoppas, vad hen har lärt sig och vad hen vill minnas. När brevet läses senare blir den egna utvecklingen synlig.",
      "Everyone writes a letter to their future self: what they hope for, what they have learned and what they want to remember. Reading it later makes their growth visible.",
    ),
    whenToUse: t(
      "Prosessin alussa, jolloin kirje avataan lopussa, tai lopussa, jolloin kirje avataan muutaman kuukauden päästä. Sopii itsearvioinnin rinnalle.",
      "I början av processen, så att brevet öppnas i slutet, eller i slutet, så att det öppnas efter några månader. Passar bra tillsammans med självvärderingen.",
      "At the start of the process, to be opened at the end, or at the end, to be opened a few months later. Works well alongside the self-assessment.",
    ),
    groupSize: { min: 1, max: 30 },
    durationMinutes: { min: 15, max: 30 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja kertoo, milloin kirje avataan, ja antaa apukysymyksiä: Mitä toivon saavuttaneeni? Mikä minua nyt mietityttää? Mitä haluan muistaa?",
        "Handledaren berättar när brevet ska öppnas och ger stödfrågor: Vad hoppas jag ha uppnått? Vad funderar jag på nu? Vad vill jag minnas?",
        "The facilitator says when the letter will be opened and offers prompts: What do I hope to have achieved? What is on my mind now? What do I want to remember?",
      ),
      step(
        12,
        "Jokainen kirjoittaa kirjeen itselleen. Kirje on yksityinen.",
        "Var och en skriver ett brev till sig själv. Brevet är privat.",
        "Everyone writes a letter to themselves. The letter is private.",
      ),
      step(
        2,
        "Kirjeet suljetaan kuoriin ja osoitetaan itselle, tai ne ajastetaan lähtemään sähköpostina.",
        "Breven försluts i kuvert och adresseras till en själv, eller så tidsinställs de att skickas som e-post.",
        "Seal the letters in envelopes addressed to yourselves, or schedule them to be sent by email.",
      ),
      step(
        4,
        "Halukkaat voivat kertoa, miltä kirjoittaminen tuntui. Kirjeen sisällöstä ei tarvitse kertoa.",
        "Den som vill kan berätta hur det kändes att skriva. Man behöver inte berätta vad brevet innehåller.",
        "Anyone who wishes can say how writing felt. No one needs to share what the letter says.",
      ),
    ],
    virtualTips: t(
      "Jokainen kirjoittaa kirjeen sähköpostiin ja ajastaa sen lähtemään itselleen sovittuna päivänä. Ohjaaja voi merkitä päivän ryhmän kalenteriin muistutukseksi. Kirjoitusvaiheessa kamerat voivat olla päällä ja mikrofonit kiinni, jos se auttaa keskittymään.",
      "Var och en skriver brevet som e-post och tidsinställer det att skickas till en själv på en överenskommen dag. Handledaren kan föra in dagen i gruppens kalender som påminnelse. Under skrivandet kan kamerorna vara på och mikrofonerna av om det hjälper er att koncentrera er.",
      "Everyone writes the letter as an email and schedules it to reach themselves on an agreed date. The facilitator can add the date to the group calendar as a reminder. While writing, keep cameras on and microphones muted if that helps people focus.",
    ),
    materials: t(
      "Paperia, kirjekuoria ja kyniä tai sähköposti, jossa on ajastettu lähetys",
      "Papper, kuvert och pennor eller e-post med tidsinställd sändning",
      "Paper, envelopes and pens, or email with scheduled sending",
    ),
  },
  {
    key: "learning_timeline",
    phase: "reflection",
    title: t("Oppimisen aikajana", "Lärandets tidslinje", "Learning timeline"),
    purpose: t(
      "Jokainen piirtää aikajanan ryhmän ajalta ja merkitsee siihen oppimisen huiput ja notkot. Kokonaiskuva auttaa näkemään, mikä on vaikuttanut omaan kehitykseen.",
      "Var och en ritar en tidslinje över gruppens tid och markerar lärandets toppar och dalar. Helhetsbilden hjälper en att se vad som har påverkat den egna utvecklingen.",
      "Everyone draws a timeline of the group's time together, marking the highs and lows of their learning. The big picture shows what has shaped their growth.",
    ),
    whenToUse: t(
      "Prosessin puolivälissä tai lopussa, esimerkiksi loppuitsearvioinnin yhteydessä.",
      "Halvvägs i processen eller i slutet, till exempel i samband med den avslutande självvärderingen.",
      "Halfway through or at the end of the process, for example together with the final self-assessment.",
    ),
    groupSize: { min: 3, max: 10 },
    durationMinutes: { min: 30, max: 45 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja kertoo aikajanan alku- ja loppukohdan, esimerkiksi ensimmäisestä tapaamisesta tähän päivään.",
        "Handledaren anger tidslinjens början och slut, till exempel från den första träffen till i dag.",
        "The facilitator sets the start and end of the timeline, for example from the first meeting until today.",
      ),
      step(
        10,
        "Jokainen piirtää oman käyränsä: ylös, kun oppiminen tai innostus oli huipussaan, alas, kun oli vaikeaa. Merkitkää käännekohdat muutamalla sanalla.",
        "Var och en ritar sin egen kurva: uppåt när lärandet eller entusiasmen var på topp, nedåt när det var svårt. Märk ut vändpunkterna med några ord.",
        "Everyone draws their own curve: up when learning or enthusiasm peaked, down when things were hard. Mark turning points with a few words.",
      ),
      step(
        18,
        "Jokainen esittelee vuorollaan aikajanansa noin kahdessa minuutissa. Muut kuuntelevat.",
        "Var och en presenterar i tur och ordning sin tidslinje på ungefär två minuter. De andra lyssnar.",
        "Each person in turn presents their timeline in about two minutes. The others listen.",
      ),
      step(
        5,
        "Keskustelkaa yhteisistä piirteistä: mikä nosti meitä, mikä painoi alas?",
        "Diskutera det gemensamma: vad lyfte oss, vad tyngde oss?",
        "Discuss what you have in common: what lifted us, what weighed us down?",
      ),
    ],
    virtualTips: t(
      "Piirtäkää paperille ja näyttäkää kameralle, tai käyttäkää yhteistä valkotaulua, jossa jokaisella on oma kaistansa. Aikajanan voi myös kirjoittaa yhteiseen muistioon luetteloksi: kuukausi, tapahtuma, ylös tai alas.",
      "Rita på papper och visa för kameran, eller använd en gemensam digital whiteboard där var och en har sitt eget fält. Tidslinjen kan också skrivas som en lista i de gemensamma anteckningarna: månad, händelse, upp eller ner.",
      "Draw on paper and hold it up to the camera, or use a shared whiteboard where everyone has their own lane. The timeline can also be written as a list in the shared notes: month, event, up or down.",
    ),
    materials: t(
      "A4-paperia ja kyniä tai verkossa valkotaulu",
      "A4-papper och pennor eller på nätet en digital whiteboard",
      "A4 paper and pens, or online a whiteboard",
    ),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* Feedback                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

const FEEDBACK: BuiltInMethodCard[] = [
  {
    key: "two_stars_and_a_wish",
    phase: "feedback",
    title: t("Kaksi tähteä ja toive", "Två stjärnor och en önskan", "Two stars and a wish"),
    purpose: t(
      "Palautteessa nimetään ensin kaksi onnistumista ja sitten yksi toive. Rakenne pitää palautteen reiluna, konkreettisena ja eteenpäin katsovana.",
      "I responsen nämns först två saker som lyckades och sedan en önskan. Strukturen håller responsen rättvis, konkret och framåtblickande.",
      "Feedback names two things that went well and then one wish. The structure keeps feedback fair, concrete and forward-looking.",
    ),
    whenToUse: t(
      "Kun joku on esitellyt työtään tai suunnitelmaansa tai ohjannut tapaamisen, tai kun ryhmä arvioi omaa toimintaansa.",
      "När någon har presenterat sitt arbete eller sin plan eller lett en träff, eller när gruppen utvärderar sitt eget arbete.",
      "When someone has presented their work or plan or facilitated a meeting, or when the group reviews how it works.",
    ),
    groupSize: { min: 2, max: 12 },
    durationMinutes: { min: 10, max: 20 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja kertoo, mistä palautetta annetaan, ja muistuttaa: palaute koskee tekoja, ei ihmistä.",
        "Handledaren berättar vad responsen gäller och påminner om att den gäller handlingar, inte personen.",
        "The facilitator says what the feedback is about and reminds everyone that it concerns actions, not the person.",
      ),
      step(
        3,
        "Jokainen kirjoittaa kaksi tähteä eli asiaa, jotka toimivat hyvin, ja yhden toiveen ensi kertaa varten.",
        "Var och en skriver ner två stjärnor, alltså saker som fungerade bra, och en önskan inför nästa gång.",
        "Everyone writes two stars, things that worked well, and one wish for next time.",
      ),
      step(
        8,
        "Palautteet kerrotaan vuorollaan palautteen saajalle. Saaja kuuntelee ja kiittää väittelemättä.",
        "Responsen ges i tur och ordning till mottagaren. Mottagaren lyssnar och tackar utan att argumentera emot.",
        "Each person in turn gives their feedback to the receiver. The receiver listens and says thank you without arguing.",
      ),
      step(
        2,
        "Palautteen saaja kertoo, mitä ottaa palautteesta mukaansa.",
        "Mottagaren berättar vad hen tar med sig av responsen.",
        "The receiver says what they will take from the feedback.",
      ),
    ],
    virtualTips: t(
      "Pyytäkää jokaista kirjoittamaan tähdet ja toive yhteiseen muistioon palautteen saajan nimen alle, jolloin palaute jää hänelle talteen. Suullisen kierroksen voi käydä chattiin kirjoitetussa puhejärjestyksessä.",
      "Be var och en skriva sina stjärnor och sin önskan i de gemensamma anteckningarna under mottagarens namn, så att hen kan spara responsen. Den muntliga rundan kan gå i den talarordning som står i chatten.",
      "Ask everyone to write their stars and wish in the shared notes under the receiver's name, so the receiver keeps the feedback. Do the spoken round in the speaking order posted in the chat.",
    ),
    materials: t(
      "Tarralaput tai yhteinen muistio",
      "Post it-lappar eller gemensamma anteckningar",
      "Sticky notes or a shared notes page",
    ),
  },
  {
    key: "feedback_round",
    phase: "feedback",
    title: t("Palautekierros", "Responsrunda", "Feedback round"),
    purpose: t(
      "Ryhmä arvioi tapaamista tai koko prosessia kierroksella, jossa jokainen vastaa samoihin kysymyksiin. Ohjaaja ja ryhmä saavat tietoa toiminnan kehittämiseen.",
      "Gruppen utvärderar träffen eller hela processen i en runda där alla svarar på samma frågor. Handledaren och gruppen får underlag för att utveckla arbetet.",
      "The group reviews the meeting or the whole process in a round where everyone answers the same questions. The facilitator and group learn how to improve.",
    ),
    whenToUse: t(
      "Tapaamisen lopussa noin joka toinen kerta sekä prosessin päättyessä.",
      "I slutet av ungefär varannan träff och när processen avslutas.",
      "At the end of about every other meeting, and when the process ends.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 10, max: 20 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja esittää kysymykset: Mikä tässä tapaamisessa toimi? Mitä tekisimme toisin? Miten tavoitteemme edistyivät?",
        "Handledaren ställer frågorna: Vad fungerade på den här träffen? Vad skulle vi göra annorlunda? Hur gick det med våra mål?",
        "The facilitator asks: What worked in this meeting? What would we do differently? How did our goals move forward?",
      ),
      step(
        2,
        "Jokainen miettii vastauksiaan hiljaa.",
        "Var och en funderar i tysthet på sina svar.",
        "Everyone thinks about their answers in silence.",
      ),
      step(
        10,
        "Jokainen vastaa vuorollaan. Muut kuuntelevat keskeyttämättä, ja ohjaaja kirjaa ehdotukset.",
        "Var och en svarar i tur och ordning. De andra lyssnar utan att avbryta, och handledaren antecknar förslagen.",
        "Each person answers in turn. The others listen without interrupting, and the facilitator notes the suggestions.",
      ),
      step(
        2,
        "Sopikaa, mitä ehdotuksista kokeilette seuraavalla kerralla.",
        "Kom överens om vilka förslag ni prövar nästa gång.",
        "Agree which suggestions you will try next time.",
      ),
    ],
    virtualTips: t(
      "Aloittakaa lyhyellä kyselyllä videopalvelun kyselytoiminnolla, esimerkiksi ”Kuinka hyödyllinen tapaaminen oli asteikolla 1–5?”, ja näyttäkää tulos ennen suullista kierrosta. Kirjatkaa ehdotukset yhteiseen muistioon ryhmän kehittämislistaksi.",
      "Börja med en kort omröstning i videotjänsten, till exempel ”Hur nyttig var träffen på en skala från 1 till 5?”, och visa resultatet före den muntliga rundan. Skriv in förslagen i de gemensamma anteckningarna som gruppens utvecklingslista.",
      "Start with a quick poll in the video tool, such as “How useful was this meeting on a scale of 1–5?”, and show the result before the spoken round. Record the suggestions in the shared notes as the group's improvement list.",
    ),
    materials: t(
      "Kysymykset näkyvillä; yhteinen muistio",
      "Frågorna synliga; gemensamma anteckningar",
      "The questions on display; a shared notes page",
    ),
  },
  {
    key: "appreciation_round",
    phase: "feedback",
    title: t("Kiitoskierros", "Tackrunda", "Appreciation round"),
    purpose: t(
      "Jokainen kiittää jotakuta ryhmässä jostakin konkreettisesta. Kierros vahvistaa luottamusta ja tekee näkyväksi, miten jäsenet ovat tukeneet toisiaan.",
      "Var och en tackar någon i gruppen för något konkret. Rundan stärker förtroendet och visar hur medlemmarna har stött varandra.",
      "Everyone thanks someone in the group for something concrete. The round builds trust and shows how members have supported each other.",
    ),
    whenToUse: t(
      "Tapaamisen tai koko prosessin lopussa, tai kun ryhmä on tehnyt yhdessä jotain vaativaa.",
      "I slutet av en träff eller hela processen, eller när gruppen tillsammans har gjort något krävande.",
      "At the end of a meeting or the whole process, or when the group has done something demanding together.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 10, max: 20 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja pyytää jokaista miettimään, ketä haluaa kiittää ja mistä: teosta, kysymyksestä, vinkistä tai tuesta.",
        "Handledaren ber var och en fundera på vem hen vill tacka och för vad: en handling, en fråga, ett tips eller stöd.",
        "The facilitator asks everyone to think whom they want to thank and for what: an action, a question, a tip or support.",
      ),
      step(
        2,
        "Jokainen miettii kiitoksensa. Jotta kaikki saavat kiitoksen, voitte sopia, että jokainen kiittää vieressään vasemmalla istuvaa.",
        "Var och en funderar ut sitt tack. För att alla ska få ett tack kan ni komma överens om att var och en tackar den som sitter till vänster.",
        "Everyone prepares their thanks. To make sure nobody is left out, you can agree that each person thanks the one sitting to their left.",
      ),
      step(
        10,
        "Kiitokset sanotaan vuorotellen suoraan kiitettävälle: ”Kiitos, että…”. Kiitetty vastaa vain ”kiitos”.",
        "Tacken sägs i tur och ordning direkt till den som tackas: ”Tack för att …”. Den som får tacket svarar bara ”tack”.",
        "The thanks are said in turn, directly to the person: “Thank you for…”. The person thanked just says “thank you”.",
      ),
      step(
        2,
        "Ohjaaja kiittää koko ryhmää.",
        "Handledaren tackar hela gruppen.",
        "The facilitator thanks the whole group.",
      ),
    ],
    virtualTips: t(
      "Kirjoittakaa osallistujien nimet chattiin järjestyksessä: jokainen kiittää listassa seuraavaa ja viimeinen ensimmäistä, jolloin kaikki saavat kiitoksen. Kiitokset voi kirjoittaa myös yhteiseen muistioon kunkin nimen alle muistoksi.",
      "Skriv deltagarnas namn i en ordning i chatten: var och en tackar nästa person på listan och den sista tackar den första, så får alla ett tack. Tacken kan också skrivas i de gemensamma anteckningarna under varje namn som minne.",
      "Post the participants' names in order in the chat: each person thanks the next one on the list and the last thanks the first, so everyone is thanked. The thanks can also be written in the shared notes under each name as a keepsake.",
    ),
    materials: t(
      "Ei tarvikkeita; verkossa nimilista chatissa",
      "Inget material; på nätet en namnlista i chatten",
      "Nothing needed; online, a list of names in the chat",
    ),
  },
  {
    key: "plus_delta",
    phase: "feedback",
    title: t("Plussat ja kehitettävät", "Plus och delta", "Plus and delta"),
    purpose: t(
      "Ryhmä kerää nopeasti kahteen sarakkeeseen, mikä tapaamisessa toimi ja mitä kannattaa muuttaa. Palaute koskee yhteistä toimintaa eikä yksittäisiä ihmisiä.",
      "Gruppen samlar snabbt i två kolumner vad som fungerade på träffen och vad som borde ändras. Responsen gäller det gemensamma arbetet och inte enskilda personer.",
      "The group quickly lists in two columns what worked in the meeting and what to change. The feedback is about how you work together, not about individuals.",
    ),
    whenToUse: t(
      "Tapaamisen viimeisinä minuutteina, kun halutaan kehittää tapaamiskäytäntöjä, esimerkiksi verkkotapaamisten toimivuutta.",
      "Under träffens sista minuter när ni vill utveckla hur ni träffas, till exempel hur träffarna på nätet fungerar.",
      "In the last minutes of a meeting when you want to improve how you meet, for example how your online meetings work.",
    ),
    groupSize: { min: 3, max: 20 },
    durationMinutes: { min: 5, max: 15 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Piirtäkää kaksi saraketta: + (mikä toimi) ja Δ (mitä muuttaisimme).",
        "Rita två kolumner: + (vad fungerade) och Δ (vad skulle vi ändra).",
        "Draw two columns: + (what worked) and Δ (what we would change).",
      ),
      step(
        4,
        "Jokainen kirjoittaa kumpaankin sarakkeeseen yhden tai kaksi asiaa.",
        "Var och en skriver en eller två saker i vardera kolumnen.",
        "Everyone writes one or two things in each column.",
      ),
      step(
        4,
        "Käykää sarakkeet läpi yhdessä ja yhdistäkää samankaltaiset asiat.",
        "Gå igenom kolumnerna tillsammans och slå ihop sådant som liknar varandra.",
        "Go through the columns together and merge similar points.",
      ),
      step(
        1,
        "Valitkaa yksi muutos, jota kokeilette seuraavalla kerralla.",
        "Välj en förändring som ni prövar nästa gång.",
        "Choose one change to try next time.",
      ),
    ],
    virtualTips: t(
      "Tehkää yhteiseen muistioon kaksisarakkeinen taulukko tai käyttäkää valkotaulua. Kaikki kirjoittavat yhtä aikaa, ja ohjaaja lukee tulokset ääneen. Kirjatkaa sovittu muutos seuraavan tapaamisen asialistalle.",
      "Gör en tabell med två kolumner i de gemensamma anteckningarna eller använd en digital whiteboard. Alla skriver samtidigt och handledaren läser upp resultatet. Skriv in den förändring ni kommit överens om på nästa träffs agenda.",
      "Make a two-column table in the shared notes or use a whiteboard. Everyone writes at the same time and the facilitator reads out the result. Put the agreed change on the next meeting's agenda.",
    ),
    materials: t(
      "Fläppitaulu tai yhteinen muistio",
      "Blädderblock eller gemensamma anteckningar",
      "Flip chart or shared notes page",
    ),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* Energisers                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

const ENERGISER: BuiltInMethodCard[] = [
  {
    key: "two_truths_and_a_lie",
    phase: "energiser",
    title: t("Kaksi totuutta ja yksi valhe", "Två sanningar och en lögn", "Two truths and a lie"),
    purpose: t(
      "Leikillinen tutustumistehtävä, jossa jokainen esittää itsestään kolme väitettä, joista yksi on keksitty. Nauru rentouttaa, ja ryhmäläiset oppivat tuntemaan toisiaan.",
      "En lekfull övning där var och en säger tre påståenden om sig själv, varav ett är påhittat. Skratt lättar upp stämningen och ni lär känna varandra.",
      "A playful get-to-know-you exercise in which everyone makes three statements about themselves, one of them made up. Laughter relaxes people and the group gets to know each other.",
    ),
    whenToUse: t(
      "Ryhmän ensimmäisissä tapaamisissa, kun ryhmään tulee uusi jäsen tai kun tunnelma kaipaa piristystä.",
      "Vid gruppens första träffar, när en ny medlem kommer med eller när stämningen behöver piggas upp.",
      "At the group's first meetings, when a new member joins, or when the mood needs a lift.",
    ),
    groupSize: { min: 3, max: 15 },
    durationMinutes: { min: 10, max: 25 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja ohjeistaa: keksi kolme väitettä itsestäsi, joista kaksi on totta ja yksi ei. Kerro vain sellaista, mitä haluat jakaa.",
        "Handledaren instruerar: hitta på tre påståenden om dig själv, två sanna och ett falskt. Berätta bara sådant du vill dela med dig av.",
        "The facilitator explains: come up with three statements about yourself, two true and one false. Share only what you are happy to share.",
      ),
      step(3, "Jokainen miettii väitteensä.", "Var och en funderar ut sina påståenden.", "Everyone thinks up their statements."),
      step(
        12,
        "Vuorotellen jokainen kertoo väitteensä, muut arvaavat, mikä niistä on valhe, ja kertoja paljastaa oikean vastauksen.",
        "I tur och ordning säger var och en sina påståenden, de andra gissar vilket som är lögnen och berättaren avslöjar det rätta svaret.",
        "In turn, each person says their statements, the others guess which is the lie, and the teller reveals the answer.",
      ),
    ],
    virtualTips: t(
      "Kertoja kirjoittaa väitteensä numeroituina chattiin, ja muut vastaavat numerolla yhtä aikaa tai kyselytoiminnolla. Puolen minuutin arvausaika pitää tahdin reippaana.",
      "Berättaren skriver sina påståenden numrerade i chatten, och de andra svarar samtidigt med en siffra eller via omröstningsfunktionen. En halv minuts betänketid håller tempot uppe.",
      "The teller posts their statements numbered in the chat, and the others answer with a number at the same time or via the poll feature. A thirty-second guessing time keeps the pace brisk.",
    ),
    materials: t(
      "Ei tarvikkeita; verkossa chat tai kyselytoiminto",
      "Inget material; på nätet chatten eller omröstningsfunktionen",
      "Nothing needed; online, the chat or poll feature",
    ),
  },
  {
    key: "stand_up_if",
    phase: "energiser",
    title: t("Nouse seisomaan, jos…", "Res dig om …", "Stand up if…"),
    purpose: t(
      "Ohjaaja lukee väitteitä, ja ne, joita väite koskee, nousevat seisomaan. Liike herättää, ja ryhmä huomaa yhteisiä kokemuksia ilman, että kenenkään tarvitsee puhua.",
      "Handledaren läser upp påståenden, och de som påståendet gäller reser sig. Rörelsen piggar upp, och gruppen upptäcker gemensamma erfarenheter utan att någon behöver säga något.",
      "The facilitator reads out statements, and those they apply to stand up. Moving wakes people up, and the group discovers shared experiences without anyone having to speak.",
    ),
    whenToUse: t(
      "Pitkän istumisen tai tauon jälkeen, tai tapaamisen alussa tutustumisen tueksi.",
      "Efter att ni har suttit länge eller efter en paus, eller i början av en träff för att lära känna varandra.",
      "After a long spell of sitting or a break, or at the start of a meeting to help people get to know each other.",
    ),
    groupSize: { min: 4, max: 60 },
    durationMinutes: { min: 5, max: 10 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja kertoo säännön: nouse seisomaan, jos väite pitää paikkansa kohdallasi, ja istu sitten taas. Jos seisomaan nouseminen ei sovi sinulle, nosta käsi. Aina saa myös jättää reagoimatta.",
        "Handledaren berättar regeln: res dig om påståendet stämmer in på dig, och sätt dig sedan igen. Om det inte passar dig att resa dig kan du räcka upp handen. Man får alltid också låta bli att reagera.",
        "The facilitator explains the rule: stand up if the statement is true for you, then sit down again. If standing does not suit you, raise your hand. You may always choose not to respond.",
      ),
      step(
        5,
        "Ohjaaja lukee 8–12 väitettä kevyistä syvempiin, esimerkiksi ”Join aamulla teetä”, ”Olen kokeillut tässä kuussa uutta työtapaa”, ”Olen joskus epäillyt osaamistani”.",
        "Handledaren läser 8–12 påståenden, från lätta till djupare, till exempel ”Jag drack te i morse”, ”Jag har prövat ett nytt arbetssätt den här månaden”, ”Jag har ibland tvivlat på min kompetens”.",
        "The facilitator reads 8–12 statements, from light to deeper, for example “I had tea this morning”, “I tried a new way of working this month”, “I have sometimes doubted my own skills”.",
      ),
      step(
        2,
        "Kysykää lopuksi, mikä yllätti.",
        "Fråga till sist vad som överraskade.",
        "Finally, ask what surprised people.",
      ),
    ],
    virtualTips: t(
      "Verkossa voi nousta seisomaan kameran edessä, nostaa käden kameralle tai käyttää käden nosto -toimintoa. Liike piristää, joten kannustakaa nousemaan oikeasti ylös, jos se on mahdollista. Pyytäkää kaikkia pitämään kamera päällä tämän hetken ajan.",
      "På nätet kan man resa sig framför kameran, räcka upp handen framför kameran eller använda funktionen räck upp handen. Rörelsen piggar upp, så uppmuntra alla att verkligen resa sig om de kan. Be alla ha kameran på under övningen.",
      "Online, people can stand up in front of the camera, raise a hand to the camera, or use the raise-hand button. Movement is what energises, so encourage people to really stand up if they can. Ask everyone to keep their camera on for this exercise.",
    ),
    materials: t("Väitelista ohjaajalle", "En lista med påståenden för handledaren", "A list of statements for the facilitator"),
  },
  {
    key: "quick_poll",
    phase: "energiser",
    title: t("Pikagallup", "Snabbenkät", "Quick poll"),
    purpose: t(
      "Lyhyt kysely, johon kaikki vastaavat yhtä aikaa. Tulos näkyy heti ja herättää keskustelua kevyesti.",
      "En kort enkät som alla svarar på samtidigt. Resultatet syns genast och sätter lätt i gång ett samtal.",
      "A short poll that everyone answers at the same time. The result shows instantly and gets conversation going lightly.",
    ),
    whenToUse: t(
      "Tapaamisen alussa virittäytymiseen, tauon jälkeen tai ennen uuteen aiheeseen siirtymistä, kun halutaan kartoittaa ryhmän näkemyksiä.",
      "I början av en träff för att komma i stämning, efter en paus eller innan ni går över till ett nytt ämne och vill kartlägga gruppens åsikter.",
      "At the start of a meeting to warm up, after a break, or before moving to a new topic when you want a quick read of the group's views.",
    ),
    groupSize: { min: 3, max: 100 },
    durationMinutes: { min: 5, max: 10 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja esittää 2–3 kysymystä, joissa on valmiit vastausvaihtoehdot, esimerkiksi ”Kahvi vai tee?” tai ”Montako palaveria sinulla oli eilen?”",
        "Handledaren ställer 2–3 frågor med färdiga svarsalternativ, till exempel ”Kaffe eller te?” eller ”Hur många möten hade du i går?”",
        "The facilitator asks 2–3 questions with set answer options, for example “Coffee or tea?” or “How many meetings did you have yesterday?”",
      ),
      step(
        2,
        "Kaikki vastaavat yhtä aikaa: kädennostolla, näyttämällä sormilla lukua 1–5 tai sovelluksella.",
        "Alla svarar samtidigt: genom att räcka upp handen, visa en siffra 1–5 med fingrarna eller via en app.",
        "Everyone answers at the same time: by raising hands, showing 1–5 fingers, or in an app.",
      ),
      step(
        3,
        "Katsokaa tulokset yhdessä, ja antakaa muutamalle mahdollisuus kommentoida yllättävää tulosta.",
        "Titta på resultaten tillsammans och låt några kommentera om något överraskade.",
        "Look at the results together and let a few people comment on anything surprising.",
      ),
    ],
    virtualTips: t(
      "Käyttäkää Teamsin, Zoomin tai Jitsin kyselytoimintoa, tai pyytäkää vastaamaan chattiin numerolla yhtä aikaa. Näyttäkää tulokset jaetulla näytöllä. Jos aihe on henkilökohtainen, tehkää kyselystä nimetön.",
      "Använd omröstningsfunktionen i Teams, Zoom eller Jitsi, eller be alla svara med en siffra i chatten samtidigt. Visa resultatet på delad skärm. Om ämnet är personligt, gör enkäten anonym.",
      "Use the poll feature in Teams, Zoom or Jitsi, or ask everyone to answer with a number in the chat at the same moment. Show the results on a shared screen. If the topic is personal, make the poll anonymous.",
    ),
    materials: t(
      "Valmiit kysymykset; verkossa kyselytoiminto tai chat",
      "Färdiga frågor; på nätet omröstningsfunktionen eller chatten",
      "Prepared questions; online, the poll feature or chat",
    ),
  },
  {
    key: "common_ground",
    phase: "energiser",
    title: t("Yhteiset nimittäjät", "Gemensamma nämnare", "Common ground"),
    purpose: t(
      "Pienryhmät etsivät nopeasti asioita, jotka ovat kaikille ryhmän jäsenille yhteisiä. Tehtävä tutustuttaa, nostaa tunnelmaa ja muistuttaa, että olemme vertaisia.",
      "Smågrupper letar snabbt efter saker som alla i gruppen har gemensamt. Övningen hjälper er att lära känna varandra, höjer stämningen och påminner om att ni är jämlikar.",
      "Small groups quickly hunt for things all their members have in common. It helps people get to know each other, lifts the mood and reminds everyone that we are peers.",
    ),
    whenToUse: t(
      "Ryhmän ensimmäisissä tapaamisissa tai ryhmien välisissä kohtaamisissa, kun toisilleen uudet ihmiset kohtaavat.",
      "Vid gruppens första träffar eller vid träffar mellan grupper, när människor som inte känner varandra möts.",
      "At a group's first meetings or at cross-group gatherings, when people who do not know each other meet.",
    ),
    groupSize: { min: 4, max: 40 },
    durationMinutes: { min: 10, max: 15 },
    virtualFriendly: true,
    steps: [
      step(1, "Jakautukaa 3–4 hengen ryhmiin.", "Dela in er i grupper om 3–4 personer.", "Split into groups of 3–4."),
      step(
        6,
        "Etsikää viidessä minuutissa mahdollisimman monta asiaa, jotka ovat kaikille ryhmäläisille yhteisiä. Itsestäänselvyydet, kuten ”kaikilla on kengät”, eivät kelpaa.",
        "Leta på fem minuter reda på så många saker som möjligt som alla i gruppen har gemensamt. Självklarheter som ”alla har skor” gäller inte.",
        "In five minutes, find as many things as you can that everyone in your group has in common. Obvious ones like “we all wear shoes” don't count.",
      ),
      step(
        5,
        "Jokainen ryhmä kertoo yllättävimmän yhteisen asiansa.",
        "Varje grupp berättar om sin mest överraskande gemensamma nämnare.",
        "Each group shares its most surprising thing in common.",
      ),
    ],
    virtualTips: t(
      "Tehkää 3–4 hengen pienryhmähuoneet viideksi minuutiksi ja pyytäkää jokaista ryhmää kirjoittamaan listansa yhteiseen muistioon. Lähettäkää huoneisiin viesti minuuttia ennen paluuta. Lopuksi ryhmät lukevat yllättävimmän löytönsä ääneen.",
      "Skapa grupprum för 3–4 personer i fem minuter och be varje grupp skriva sin lista i de gemensamma anteckningarna. Skicka ett meddelande till rummen en minut före återkomsten. Till sist läser grupperna upp sitt mest överraskande fynd.",
      "Create breakout rooms of 3–4 for five minutes and ask each group to write its list in the shared notes. Broadcast a message to the rooms one minute before they return. Finally, each group reads out its most surprising find.",
    ),
    materials: t(
      "Paperi ja kynä kullekin ryhmälle tai yhteinen muistio",
      "Papper och penna för varje grupp eller gemensamma anteckningar",
      "Paper and pen for each group, or a shared notes page",
    ),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* Closing / check-out                                                                              */
/* ------------------------------------------------------------------------------------------------ */

const CLOSING: BuiltInMethodCard[] = [
  {
    key: "check_out_round",
    phase: "closing",
    title: t("Lopetuskierros", "Utcheckningsrunda", "Check-out round"),
    purpose: t(
      "Jokainen sanoo lyhyesti, millä mielellä lähtee tapaamisesta. Yhteinen lopetus kokoaa tapaamisen ja kertoo ohjaajalle ryhmän tunnelmasta.",
      "Var och en säger kort hur hen känner sig när träffen slutar. En gemensam avslutning knyter ihop träffen och visar handledaren hur stämningen i gruppen är.",
      "Everyone says briefly how they are leaving the meeting. A shared ending rounds off the meeting and tells the facilitator how the group is feeling.",
    ),
    whenToUse: t("Jokaisen tapaamisen lopussa.", "I slutet av varje träff.", "At the end of every meeting."),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 5, max: 15 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja esittää kysymyksen, esimerkiksi ”Millä mielellä lähdet?” tai ”Mikä tapaamisesta jäi päällimmäiseksi?”",
        "Handledaren ställer en fråga, till exempel ”Hur känner du dig nu när du går?” eller ”Vad stannar mest kvar från träffen?”",
        "The facilitator asks a question, for example “How are you leaving?” or “What stays with you most from this meeting?”",
      ),
      step(
        8,
        "Jokainen vastaa vuorollaan yhdellä tai kahdella lauseella.",
        "Var och en svarar i tur och ordning med en eller två meningar.",
        "Each person answers in turn in one or two sentences.",
      ),
      step(
        1,
        "Ohjaaja kiittää ja muistuttaa, että se, mitä ryhmässä on jaettu, jää ryhmään.",
        "Handledaren tackar och påminner om att det som har delats i gruppen stannar i gruppen.",
        "The facilitator thanks everyone and reminds them that what was shared in the group stays in the group.",
      ),
    ],
    virtualTips: t(
      "Kirjoittakaa puhejärjestys chattiin ja pyytäkää jokaista antamaan vuoro seuraavalle nimeltä. Hiljaisuus tuntuu verkossa pidemmältä, joten ohjaaja voi aloittaa itse ja näyttää mallia. Lopuksi kaikki voivat vilkuttaa kameralle ennen kuin poistuvat.",
      "Skriv talarordningen i chatten och be var och en lämna över ordet till nästa med namn. Tystnad känns längre på nätet, så handledaren kan börja själv och visa hur det går till. Till sist kan alla vinka till kameran innan de lämnar mötet.",
      "Post the speaking order in the chat and ask each person to hand over to the next by name. Silence feels longer online, so the facilitator can go first to model it. At the end everyone can wave to the camera before leaving.",
    ),
    materials: t("Ei tarvikkeita; verkossa chat", "Inget material; på nätet chatten", "Nothing needed; online, the chat"),
  },
  {
    key: "one_takeaway",
    phase: "closing",
    title: t("Yksi asia mukaan", "Det här tar jag med mig", "One takeaway"),
    purpose: t(
      "Jokainen nimeää yhden asian, jonka ottaa tapaamisesta mukaansa arkeen. Kun oppi sanotaan ääneen, se siirtyy helpommin käytäntöön.",
      "Var och en nämner en sak hen tar med sig från träffen till vardagen. När lärdomen sägs högt är det lättare att omsätta den i praktiken.",
      "Everyone names one thing they will take from the meeting into their everyday work. Saying it out loud makes it easier to put into practice.",
    ),
    whenToUse: t(
      "Tapaamisen lopussa, erityisesti kun tapaamisessa on käsitelty paljon asioita.",
      "I slutet av en träff, särskilt när ni har gått igenom mycket.",
      "At the end of a meeting, especially one that covered a lot.",
    ),
    groupSize: { min: 3, max: 20 },
    durationMinutes: { min: 5, max: 12 },
    virtualFriendly: true,
    steps: [
      step(
        1,
        "Ohjaaja pyytää jokaista valitsemaan yhden ajatuksen, vinkin tai kysymyksen, jonka ottaa mukaansa.",
        "Handledaren ber var och en välja en tanke, ett tips eller en fråga att ta med sig.",
        "The facilitator asks everyone to choose one thought, tip or question to take with them.",
      ),
      step(1, "Jokainen miettii hetken hiljaa.", "Var och en funderar en stund i tysthet.", "Everyone thinks quietly for a moment."),
      step(
        6,
        "Jokainen sanoo oman asiansa yhdellä lauseella: ”Otan mukaani…”",
        "Var och en säger sin sak med en mening: ”Jag tar med mig …”",
        "Each person says theirs in one sentence: “I'm taking away…”",
      ),
    ],
    virtualTips: t(
      "Pyytäkää kaikkia kirjoittamaan lauseensa chattiin samaan aikaan ja lukekaa ne sitten ääneen. Ohjaaja voi kopioida lauseet yhteiseen muistioon, tarvittaessa ilman nimiä, jolloin niihin on helppo palata seuraavan tapaamisen alussa.",
      "Be alla skriva sin mening i chatten samtidigt och läs sedan upp dem. Handledaren kan kopiera meningarna till de gemensamma anteckningarna, vid behov utan namn, så är det lätt att återvända till dem i början av nästa träff.",
      "Ask everyone to type their sentence in the chat at the same time, then read them aloud. The facilitator can copy them into the shared notes, without names if the group prefers, so they are easy to revisit at the start of the next meeting.",
    ),
    materials: t(
      "Ei tarvikkeita; verkossa chat ja yhteinen muistio",
      "Inget material; på nätet chatten och gemensamma anteckningar",
      "Nothing needed; online, the chat and a shared notes page",
    ),
  },
  {
    key: "next_meeting_commitments",
    phase: "closing",
    title: t("Sovitaan seuraavasta tapaamisesta", "Vi kommer överens om nästa träff", "Next meeting commitments"),
    purpose: t(
      "Tapaaminen päättyy selkeisiin sopimuksiin: milloin nähdään, kuka ohjaa, mitä kukin tekee välillä ja mitä seuraavalla kerralla käsitellään. Näin ryhmän työ jatkuu myös tapaamisten välillä.",
      "Träffen avslutas med tydliga överenskommelser: när ni ses, vem som leder, vad var och en gör under tiden och vad ni tar upp nästa gång. Så fortsätter gruppens arbete också mellan träffarna.",
      "The meeting ends with clear agreements: when you meet, who facilitates, what each person does in between and what you will cover next time. This keeps the group's work going between meetings.",
    ),
    whenToUse: t(
      "Jokaisen tapaamisen viimeisinä minuutteina. Erityisen tärkeää ennen kesätaukoa tai muuta pidempää taukoa.",
      "Under de sista minuterna av varje träff. Särskilt viktigt före sommaruppehållet eller en annan längre paus.",
      "In the last minutes of every meeting. Especially important before the summer break or any longer pause.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 5, max: 15 },
    virtualFriendly: true,
    steps: [
      step(
        3,
        "Sopikaa seuraavan tapaamisen aika ja paikka tai videolinkki. Jos yhteistä aikaa on vaikea löytää, sopikaa, kuka tekee aikakyselyn ja mihin mennessä siihen vastataan.",
        "Kom överens om tid och plats eller videolänk för nästa träff. Om det är svårt att hitta en gemensam tid, bestäm vem som gör en tidsenkät och när den ska vara besvarad.",
        "Agree the time and place or video link for the next meeting. If a common time is hard to find, agree who sends out a scheduling poll and by when everyone answers.",
      ),
      step(
        2,
        "Sopikaa, kuka ohjaa seuraavan tapaamisen ja kuka kirjaa muistiinpanot. Vuorotelkaa rooleja.",
        "Kom överens om vem som leder nästa träff och vem som för anteckningar. Turas om med rollerna.",
        "Agree who facilitates the next meeting and who takes notes. Rotate the roles.",
      ),
      step(
        3,
        "Kerratkaa jokaisen seuraava askel ja se, miten pidätte yhteyttä tapaamisten välillä, esimerkiksi ryhmän chatissa.",
        "Gå igenom allas nästa steg och hur ni håller kontakten mellan träffarna, till exempel i gruppens chatt.",
        "Recap everyone's next step and how you will keep in touch between meetings, for example in the group chat.",
      ),
      step(
        2,
        "Sopikaa seuraavan tapaamisen pääaihe tai menetelmä.",
        "Bestäm huvudtemat eller metoden för nästa träff.",
        "Agree the main topic or method for the next meeting.",
      ),
    ],
    virtualTips: t(
      "Kirjatkaa sopimukset suoraan yhteiseen muistioon jaetulla näytöllä, jotta kaikki näkevät ne samalla. Lähettäkää kalenterikutsu videolinkkeineen heti tapaamisen jälkeen. Sopikaa, kuka muistuttaa ryhmän chatissa viikkoa ennen seuraavaa tapaamista.",
      "Skriv in överenskommelserna direkt i de gemensamma anteckningarna på delad skärm så att alla ser dem samtidigt. Skicka en kalenderinbjudan med videolänk genast efter träffen. Bestäm vem som påminner i gruppens chatt en vecka före nästa träff.",
      "Write the agreements straight into the shared notes on a shared screen so everyone sees them at once. Send a calendar invitation with the video link right after the meeting. Agree who posts a reminder in the group chat a week before the next meeting.",
    ),
    materials: t(
      "Kalenterit; yhteinen muistio",
      "Kalendrar; gemensamma anteckningar",
      "Calendars; a shared notes page",
    ),
  },
  {
    key: "final_meeting_circle",
    phase: "closing",
    title: t("Päätöspiiri", "Avslutningscirkel", "Final meeting circle"),
    purpose: t(
      "Ryhmän viimeisessä tapaamisessa jokainen katsoo taakse ja eteenpäin: mitä ryhmä antoi ja mitä kukin vie mukanaan. Hyvä lopetus tekee prosessista eheän kokemuksen.",
      "Vid gruppens sista träff blickar var och en bakåt och framåt: vad gruppen gav och vad var och en tar med sig. En god avslutning gör processen till en hel upplevelse.",
      "At the group's last meeting everyone looks back and ahead: what the group gave them and what they take with them. A good ending makes the process feel complete.",
    ),
    whenToUse: t(
      "Ryhmän viimeisessä tapaamisessa, loppuitsearvioinnin jälkeen.",
      "Vid gruppens sista träff, efter den avslutande självvärderingen.",
      "At the group's final meeting, after the closing self-assessment.",
    ),
    groupSize: { min: 3, max: 12 },
    durationMinutes: { min: 25, max: 45 },
    virtualFriendly: true,
    steps: [
      step(
        2,
        "Ohjaaja esittää kolme kysymystä: Mitä ryhmä on antanut minulle? Mitä olen oppinut? Mitä teen seuraavaksi?",
        "Handledaren ställer tre frågor: Vad har gruppen gett mig? Vad har jag lärt mig? Vad gör jag härnäst?",
        "The facilitator poses three questions: What has the group given me? What have I learned? What will I do next?",
      ),
      step(
        5,
        "Jokainen kirjoittaa vastauksensa hiljaa.",
        "Var och en skriver ner sina svar i tysthet.",
        "Everyone writes their answers in silence.",
      ),
      step(
        18,
        "Jokainen kertoo vuorollaan vastauksensa. Muut kuuntelevat.",
        "Var och en berättar sina svar i tur och ordning. De andra lyssnar.",
        "Each person shares their answers in turn. The others listen.",
      ),
      step(
        5,
        "Jokainen sanoo vielä yhden lauseen koko ryhmälle tai jollekulle jäsenelle.",
        "Var och en säger ännu en mening till hela gruppen eller till någon medlem.",
        "Each person says one last sentence to the whole group or to one member.",
      ),
      step(
        2,
        "Sopikaa, mitä yhteisille muistiinpanoille ja ryhmän tilalle tehdään, ja muistakaa, että luottamuksellisuus jatkuu ryhmän päätyttyäkin.",
        "Kom överens om vad som händer med de gemensamma anteckningarna och gruppens utrymme, och kom ihåg att förtroligheten gäller också efter att gruppen har avslutats.",
        "Agree what happens to the shared notes and the group's space, and remember that confidentiality continues after the group ends.",
      ),
    ],
    virtualTips: t(
      "Varatkaa verkossa pidettävään päätöstapaamiseen hieman tavallista enemmän aikaa ja pyytäkää kaikkia pitämään kamerat päällä. Viimeisen lauseen voi kirjoittaa myös yhteiseen muistioon muistoksi. Ryhmäkuvan voi ottaa kuvakaappauksena, jos kaikki siihen suostuvat.",
      "Reservera lite mer tid än vanligt för en avslutande träff på nätet och be alla ha kameran på. Den sista meningen kan också skrivas i de gemensamma anteckningarna som minne. Ett gruppfoto kan tas som skärmdump om alla går med på det.",
      "Allow a little more time than usual for an online final meeting and ask everyone to keep cameras on. The last sentences can also be written in the shared notes as a keepsake. Take a group photo as a screenshot if everyone agrees.",
    ),
    materials: t(
      "Kysymykset näkyvillä; paperia ja kyniä",
      "Frågorna synliga; papper och pennor",
      "The questions on display; paper and pens",
    ),
  },
];

export const BUILT_IN_METHOD_CARDS: readonly BuiltInMethodCard[] = [
  ...OPENING,
  ...GOAL_REVIEW,
  ...SHARING,
  ...REFLECTION,
  ...FEEDBACK,
  ...ENERGISER,
  ...CLOSING,
];

"""The agreement's text and Appendix 1, as `load_agreement` writes them.

The Danish text is the original (shared/seeds), with the scan's misreadings mended ("Dl" → "DI",
"ot" → "at", page marks "O.*" dropped). The English is a working reading (shared/DOMAIN.md).
Counterparts and keywords are ours: they let "who owns this?" and the plan checks recognise a row.
"""

PARTIES = [
    {
        "slug": "censec",
        "name": "CenSec – Center for Defence, Space & Security",
        "short_name": "CenSec",
        "kind": "party",
        "parent": None,
        "description_da": (
            "National klyngeorganisation for forsvar, rum og sikkerhed med hovedfokus på innovation; operatør "
            "af den nationale klynge. Samler viden- og forskningsinstitutioner og små og mellemstore "
            "virksomheder, der er eller ønsker at blive leverandører. Guldcertificeret under European "
            "Cluster Excellence Initiative."
        ),
        "description_en": (
            "National cluster organisation for defence, space and security with a focus on innovation; operator "
            "of the national cluster. Brings together knowledge and research institutions and SMEs that are or "
            "want to become suppliers. Gold-certified under the European Cluster Excellence Initiative."
        ),
    },
    {
        "slug": "di",
        "name": "Dansk Industri",
        "short_name": "DI",
        "kind": "confederation",
        "parent": None,
        "description_da": "Hovedorganisationen, som DI FOS er en integreret del af. Ikke part, men bærer visse ansvar.",
        "description_en": "The confederation DI FOS is part of. Not a party, but it carries some responsibilities.",
    },
    {
        "slug": "difos",
        "name": "DI Forsvar og Sikkerhed",
        "short_name": "DI FOS",
        "kind": "party",
        "parent": "di",
        "description_da": (
            "Danmarks nationale brancheforening for forsvars-, rum- og sikkerhedsindustrien og en del af Dansk "
            "Industri med en politisk og markedsrelateret dagsorden. Medlemmerne tegner sig for mere end 90 "
            "procent af omsætningen i branchen."
        ),
        "description_en": (
            "Denmark's national trade association for the defence, space and security industry, part of Dansk "
            "Industri, with a political and market agenda. Its members make up more than 90 % of the industry's "
            "turnover."
        ),
    },
]

AGREEMENT = {
    "slug": "censec-difos",
    "title_da": "Samarbejdsaftale mellem CenSec og DI Forsvar og Sikkerhed",
    "title_en": "Cooperation agreement between CenSec and DI Defence and Security",
    "parties": ["censec", "difos"],
    # The original leaves the signature date blank ("Dato"); it continues the cluster application of May 2020.
    "signed_on": None,
    "notice_months": 3,
}

TASK_AREAS = [
    ("political", 1, "Politisk interessevaretagelse", "Political advocacy"),
    ("cluster", 2, "Klyngesamarbejdet, herunder innovation", "Cluster cooperation, including innovation"),
    (
        "international",
        3,
        "Internationalt samarbejde, blandt andet internationale fremstød og eksport samt innovation",
        "International cooperation: international promotion, export and innovation",
    ),
    ("operational", 4, "Operationelle aktiviteter", "Operational activities"),
    ("other", 5, "Øvrige opgaver", "Other tasks"),
]

CLAUSES = [
    {
        "slug": "background",
        "number": "",
        "title_da": "Baggrund",
        "title_en": "Background",
        "text_da": """Uddannelses- og forskningsministerens godkendelse af forsvar, rum og sikkerhed som en national klynge er udtryk for anerkendelse af forsvars-, rum- og sikkerhedsområdet som et centralt indsatsområde i Danmark. Klyngen bidrager til at styrke forsvars-, rum- og sikkerhedsindustriens konkurrenceevne og skabe grundlag for nye arbejdspladser og vækst i hele landet.

Med godkendelsen er der skabt en unik mulighed for markant at styrke forsvars-, rum- og sikkerhedsindustrien i Danmark gennem et forstærket samarbejde mellem CenSec og DI Forsvar og Sikkerhed - et samarbejde, der fuldt udnytter at DI Forsvar og Sikkerhed (DI FOS) er brancheorganisation og talerør på området, mens CenSec løser klyngerelaterede opgaver og står for samarbejdet med videninstitutioner om innovation i branchen.

Denne samarbejdsaftale var forudsat i og ligger hermed i forlængelse af den fælles klyngeansøgning fra maj 2020. Samarbejdsaftalen vil hjælpe til at udvikle klyngens økosystem til gavn for industrien.

CenSec og DI FOS har aftalt følgende om samarbejdet:""",
        "text_en": "The ministry approved defence, space and security as a national cluster. The agreement was foreseen in, and continues, the joint cluster application of May 2020: DI FOS is the industry's trade association and mouthpiece, while CenSec solves cluster-related tasks and leads the cooperation with knowledge institutions on innovation.",
    },
    {
        "slug": "s1",
        "number": "§1",
        "title_da": "Formål",
        "title_en": "Purpose",
        "text_da": """Denne samarbejdsaftale mellem CenSec og DI FOS skal sikre en fælles målsætning og et effektivt samarbejde mellem de to organisationer til gavn for branchen.

Formålet med samarbejdsaftalen er et styrket samarbejde mellem de to organisationer om at udnytte hinandens komplementære fordele og undgå overlappende aktiviteter. Samarbejdsaftalen skal skabe en stringent rolle- og ansvarsfordeling og udnytte det momentum, som godkendelsen af klyngen har skabt for branchen.

Aftalen skal sikre, at de to organisationers medlemmer får al relevant information om organisationernes aktiviteter og ydelser.""",
        "text_en": "A shared goal and effective cooperation between the two organisations; use each other's complementary strengths and avoid overlapping activities; a stringent division of roles and responsibility. The members of both get all relevant information about both organisations' activities and services.",
    },
    {
        "slug": "s2",
        "number": "§2",
        "title_da": "Parterne bag samarbejdsaftalen",
        "title_en": "The parties",
        "text_da": """Parterne bag samarbejdsaftalen er CenSec og DI FOS i Dansk Industri.

CenSec er en klyngeorganisation med hovedfokus på innovation. CenSec samler viden- og forskningsinstitutioner og små og mellemstore virksomheder, der er eller ønsker at blive leverandører til forsvars-, rum- og sikkerhedsindustrien. CenSec har rollen som operatør i klyngen, men udfører også andre klyngerelaterede opgaver, der finansieres ad andre kanaler. Denne aftale omfatter det fulde spektrum af CenSecs og DI FOS's opgaver. CenSec er den eneste guldcertificerede klynge i Europa under European Cluster Excellence Initiative inden for forsvars-, rum- og sikkerhedsindustrien.

DI FOS er Danmarks nationale brancheforening for forsvars-, rum- og sikkerhedsindustrien og en del af Dansk Industri med en politisk og markedsrelateret dagsorden. Medlemmerne er overvejende virksomheder med etablerede forretningsområder inden for forsvars-, rum-, fly- og sikkerhedsindustrien. DI FOS's medlemmer tegner sig for mere end 90 procent af omsætningen i branchen. DI FOS er en integreret del af Dansk Industri og trækker på en lang række ressourcer der.""",
        "text_en": "The parties are CenSec and DI FOS within Dansk Industri. CenSec is a cluster organisation focused on innovation and the operator of the national cluster. DI FOS is the national trade association for the industry, part of DI, whose members make up more than 90 % of the industry's turnover. The agreement covers the full range of both organisations' tasks.",
    },
    {
        "slug": "s3",
        "number": "§3",
        "title_da": "Governance",
        "title_en": "Governance",
        "text_da": """Det er aftalt, at

1) Minimum 2 (to) pladser i CenSec's bestyrelse skal besættes af 2 virksomhedsrepræsentanter fra DI (DI FOS). Disse skal også være medlem af CenSec og være villige til at udfylde disse poster iht. CenSec's vedtægter. Disse opstillede virksomhedsrepræsentanter skal have opbakning fra DI FOS til at repræsentere DI FOS.

2) DI FOS og CenSec har hver især ret til at sende en bestyrelsesrepræsentant som observatør til hinandens respektive bestyrelser. Observatørerne har ret til at deltage og tale på de respektive bestyrelsesmøder og strategiseminarer samt adgang til mødematerialer (undtaget emner vedrørende personaleforhold og interne forhold omkring sekretariaterne) på lige fod med bestyrelsesmedlemmer.""",
        "text_en": "G1: at least two seats on CenSec's board are held by two company representatives from DI (DI FOS), who are also members of CenSec, willing to serve under CenSec's statutes, and backed by DI FOS. G2: DI FOS and CenSec may each send one board representative as observer to the other's board, with the right to attend and speak at board meetings and strategy seminars and access to meeting materials on equal footing with board members, except items on personnel matters and on the internal affairs of the secretariats.",
    },
    {
        "slug": "s4",
        "number": "§4",
        "title_da": "Opgaver",
        "title_en": "Tasks",
        "text_da": """Samarbejdsaftalen omfatter samtlige opgaver i CenSec og DI FOS.

Samarbejdet skal organiseres, så den samlede indsats fra CenSec og DI FOS samtænkes, så danske forsvars-, rum- og sikkerhedsvirksomheder styrkes maksimalt. Det skal sikre, at der ikke er overlap i opgavevaretagelsen, at organisationerne orienterer hinanden om aktiviteter af fælles interesse, og at opgaver af fælles interesse løses i fællesskab eller som minimum koordineres.

Arbejdsdelingen skal respektere og understøtte de to organisationers særlige karakteristika, således at det for medlemmer og omverden fremstår tydeligt, hvorfor der er to organisationer, hvad de hver beskæftiger sig med, og hvordan deres aktiviteter understøtter hinanden. Arbejdsdelingen skal sikre, at det fortsat er attraktivt for medlemmerne af begge organisationer at forblive medlemmer hos disse.

CenSec og DI FOS udarbejder årlige aktivitetsplaner, som koordineres mellem de to parter mhp. at optimere samarbejdet og forenkle virksomhedernes adgang til de to parters tilbud. De to organisationers opgaver vedrører overordnet:

1) Politisk interessevaretagelse
2) Klyngesamarbejdet, herunder innovation
3) Internationalt samarbejde, blandt andet internationale fremstød og eksport samt innovation
4) Operationelle aktiviteter
5) Øvrige opgaver

Arbejdsdelingen uddybes i Tillæg 1 til denne aftale.""",
        "text_en": "The agreement covers all tasks of both parties. There is no overlap in carrying out tasks; the parties inform each other of activities of common interest; tasks of common interest are solved jointly or at least coordinated. Both prepare annual activity plans, coordinated between them. The tasks fall in five areas: political advocacy; cluster cooperation including innovation; international cooperation (promotion, export, innovation); operational activities; other tasks. Appendix 1 details the division of work.",
    },
    {
        "slug": "s5",
        "number": "§5",
        "title_da": "Organisering af samarbejdet",
        "title_en": "Organisation of the cooperation",
        "text_da": """Der planlægges løbende koordineringsmøder mellem direktørerne for de to organisationer, hvor hver af organisationerne fremlægger planlagte aktiviteter og det konkrete samarbejde herom drøftes og aftales. Koordination bør ske løbende, og der bør minimum være kontakt mellem direktørerne månedligt, hvor emnerne i pkt. 4 drøftes.""",
        "text_en": "Ongoing coordination meetings between the two directors, where each presents planned activities and concrete cooperation is discussed and agreed. C-MONTHLY: the directors should be in contact at least monthly, discussing the topics of §4.",
    },
    {
        "slug": "s6",
        "number": "§6",
        "title_da": "Genforhandling og opsigelse af aftalen",
        "title_en": "Renegotiation and termination",
        "text_da": """Aftalen kan opsiges af begge parter med tre måneders frist. Det er dog i begge parters interesse at opretholde samarbejdsaftalen, som af parterne vurderes som et vigtigt bindemiddel i Danmarks samlede forsvarsindustrielle økosystem.""",
        "text_en": "Either party may terminate the agreement with three months' notice. Both consider the agreement an important binding element of Denmark's defence-industrial ecosystem.",
    },
    {
        "slug": "a1-1",
        "number": "Tillæg 1.1",
        "title_da": "Politisk interessevaretagelse",
        "title_en": "Appendix 1.1 Political advocacy",
        "text_da": """Dansk Industri/DI FOS har ansvaret for den politiske interessevaretagelse og er branchens politiske talerør. Det drejer sig om politisk interessevaretagelse via fx kontakt med forsvarsministeren, andre ministre og politikere, embedsmænd i ministerier, styrelser og Forsvaret, internationale organisationer, udenlandske delegationer i Danmark oa. Derudover er det DI FOS, der fastlægger nye politiske udspil, deltager i udvikling af regler og vejledninger.

Bredere politiske dagsordner om eksempelvis eksportkontrol, tiltrækning af kvalificeret arbejdskraft, erhvervsuddannelser osv., der vedrører en større del af erhvervslivet end forsvars-, rum- og sikkerhedsindustrien varetages af Dansk Industri.

I møder med ministerier og styrelser oa. såvel i Danmark som i udlandet om klyngesamarbejdet og innovationsindsatsen i tilknytning hertil, og som er målrettet CenSec's opgave som operatør for klyngen, er det CenSec, der deltager.

CenSec bedriver klyngearbejde i triple helix koncepter med bl.a. klyngerelevante myndigheder, virksomheder og videninstitutioner i Danmark og udlandet, samt med internationale klyngeorganisationer og -netværk om udvikling af klyngerettede aktiviteter.

Dansk Industri/DI FOS er branchens talerør i forhold til ministerier, EU-kommissionen og internationale interesseorganisationer, når det gælder udformning og rammerne for Den Europæiske Forsvarsfond, EDF. DI FOS varetager rollen som National Focal Point for forsvarsfonden og inddrager CenSec i dette arbejde, når det omhandler CenSecs kerneopgaver jf. forrige afsnit i denne aftale samt nedenfor. CenSec opererer indenfor rammerne af EDF og andre fonde i EU m.m., og forestår innovationsrettede match-making arrangementer mellem danske og udenlandske virksomheder og forskningsinstitutioner i forbindelse med konsortiedannelse oa. Informationsaktiviteter til virksomheder gennemføres i samarbejde mellem DI FOS og CenSec.

Både DI FOS og CenSec har sæde i regeringens rådgivende gruppe for dansk forsvarsindustri samt underliggende referencegrupper til fremme af danske interesser i forhold til bl.a. forsvarsindustriel strategi, nye teknologier, industrisamarbejde, EU og F-35 Industripartnerskabet.

For at stå samlet og styrket som industri, er der enighed om at inddrage hinandens kompetencer og viden inden for de respektive ansvarsområder. Således orienterer og inddrager DI FOS/Dansk Industri CenSec i forhold til den politiske interessevaretagelse, og CenSec orienterer og inddrager DI FOS i relation til interessevaretagelsen relateret til klyngeaktiviteter/innovationsindsatsen.""",
        "text_en": "DI/DI FOS leads political advocacy and is the industry's political mouthpiece; DI handles broader agendas that touch more of business. CenSec attends meetings with ministries and agencies about the cluster cooperation and its innovation effort, and does triple-helix cluster work. DI/DI FOS is the mouthpiece on the European Defence Fund and its National Focal Point, involving CenSec where its core tasks are concerned; CenSec works within the EDF and other EU funds and runs innovation match-making for consortium building. Information activities for companies are carried out together. Both hold seats in the government's advisory group for the defence industry. Each informs and involves the other in its own area.",
    },
    {
        "slug": "a1-2",
        "number": "Tillæg 1.2",
        "title_da": "Klyngesamarbejde",
        "title_en": "Appendix 1.2 Cluster cooperation",
        "text_da": """CenSec får ansvaret for klyngesamarbejdet, herunder at skabe bro mellem især viden- og forskningsinstitutioner og virksomheder. CenSecs konkrete opgaver er internationalisering, kompetenceudvikling og samarbejdsprojekter, herunder afklaring af udviklingsbehov, formidling af viden og forskning, igangsættelse af projekter, innovationsrettet match-making.

DI FOS spiller konstruktivt med i klyngesamarbejdet og formidler information til medlemmerne om klyngens aktiviteter og giver information om branchens udfordringer og udviklingspotentialer til klyngen.""",
        "text_en": "CenSec leads the cluster cooperation: bridging knowledge and research institutions and companies through internationalisation, competence development and collaboration projects, including innovation match-making. DI FOS takes part constructively, tells its members about the cluster's activities and gives the cluster information on the industry's challenges and potential.",
    },
    {
        "slug": "a1-3",
        "number": "Tillæg 1.3",
        "title_da": "Internationale fremstød og eksport",
        "title_en": "Appendix 1.3 International promotion and export",
        "text_da": """De internationale markeder er præget af store aktører, der typisk er offentlige myndigheder med lange og komplekse beslutningsgange. Derudover er der betydelige barrierer på markederne i form af national beskyttelse. Der er derfor behov for enstrengethed i håndteringen af de internationale kontakter. Derudover er det især større etablerede virksomheder, der har behov for internationale kontakter, eksportrelaterede match-making aktiviteter osv. Kontakter til store globale virksomheder, som eksempelvis Lockheed Martin, foregår derfor som hovedregel enstrenget via Dansk Industri/DI FOS. Dansk Industri/DI FOS holder CenSec orienteret om kontakt til og dialog med disse. I det omfang CenSec i forbindelse med internationalt klynge-/og innovationsarbejde har relationer til de store globale virksomheder orienteres DI FOS med henblik på at fremstå samlet overfor disse.

Dansk Industri og DI FOS har desuden ansvaret for de internationale kontakter, eksportfremstød, eksportindsatsen, internationale udbud samt industrisamarbejdet. DI FOS repræsenterer derudover industrien i Erhvervsstyrelsens Følgegruppe for Industrisamarbejder og Industripartnerskabet for F-35, hvor CenSec ligeledes deltager. Dansk Industri/DI FOS koordinerer og hører/inddrager CenSec om ønsker til samarbejde, konkrete projekter eller andet i arbejdet. Desuden skal CenSec's unikke position som klyngeoperatør og heraf følgende internationale klyngeaktiviteter indtænkes og inddrages i DI/DI FOS's arbejde i forhold til internationale fremstød og eksport og vice versa. Målbilledet for samarbejdet er, at CenSec og DI/DI FOS ved at udnytte hinandens unikke positioner, kontakter og arbejde i fællesskab kan tilvejebringe en række tilbud til virksomhederne i branchen, som samlet set styrker branchen. I forhold til CenSecs forpligtelse til at arbejde internationalt i eksterne projekter fra danske eller internationale opdragsgivere (fx EU) skal CenSec følge disse programmers retningslinjer.

Bredere politisk interessevaretagelse for eksempel i forhold til Arktis (herunder Grønland), EU, oa. ligger hos Dansk Industri/DI FOS.

CenSec deltager i internationale klyngerelaterede projekter, hvor viden- og forskningsinstitutioner spiller en større rolle. CenSec koordinerer dette med DI FOS som bidrager med viden og kompetencer for at sikre, at foreningernes synergi udnyttes og undgå, at organisationerne bliver spillet ud mod hinanden.

Dansk Industri/DI FOS har ansvaret for industrisamarbejdet. CenSec kan i tæt samarbejde med DI FOS være involveret med at finde danske virksomheder, der kan indgå i udviklingsprojekter med udenlandske virksomheder med udestående industrisamarbejdsforpligtelser. CenSec opkvalificerer SMV-virksomhederne, til at kunne deltage i industrisamarbejdet.

Gennemgående gælder også i forhold til denne type af aktiviteter, at CenSec og DI FOS/DI inddrager og orienterer hinanden samt udnytter hinandens kompetencer, således at vi står samlet og styrket som industri til gavn for medlemmerne.""",
        "text_en": "International markets call for single-track handling of international contacts: contact with large global companies such as Lockheed Martin runs, as a rule, single-track through DI/DI FOS, which keeps CenSec informed; CenSec informs DI FOS of its own relations with such companies. DI/DI FOS leads international contacts, export promotion, international tenders and industrial cooperation, represents the industry in the Danish Business Authority's follow-up group and the F-35 industrial partnership (where CenSec also takes part), and consults and involves CenSec. CenSec takes part in international cluster projects where knowledge institutions play a larger role, coordinated with DI FOS, and follows the guidelines of external programmes it works in. CenSec may help find Danish companies for industrial-cooperation projects, in close cooperation with DI FOS, and upskills SMEs to take part.",
    },
    {
        "slug": "a1-4",
        "number": "Tillæg 1.4",
        "title_da": "Operationelle aktiviteter",
        "title_en": "Appendix 1.4 Operational activities",
        "text_da": """De operationelle opgaver følger den rolle- og arbejdsfordeling, der er mellem Dansk Industri/DI FOS og CenSec, som henholdsvis en brancheorganisation og en klyngeoperatør, og som er beskrevet ovenfor. Organisationerne bør inden for disse rammer have gode muligheder for aktiviteter, som efterspørges af egne medlemmer. Da begge organisationer samtidig er i tæt dialog med medlemsvirksomheder om deres udviklingsbehov, kan der opstå konkrete behov, som parterne med fordel kan samarbejde om, koordinere eller aftale en nærmere rolle- og arbejdsfordeling om, så overlap undgås.""",
        "text_en": "Operational tasks follow the division of roles above. Within it, each may run activities its own members ask for; where concrete shared needs arise, the parties cooperate, coordinate or agree a division of roles so that they do not overlap.",
    },
    {
        "slug": "a1-5",
        "number": "Tillæg 1.5",
        "title_da": "Øvrige opgaver",
        "title_en": "Appendix 1.5 Other tasks",
        "text_da": """CenSec og Dansk Industri/DI FOS informerer om projekter mv. via egen hjemmeside, sociale medier, nyhedsbreve oa.""",
        "text_en": "CenSec and DI/DI FOS inform about projects on their own websites, social media, newsletters and the like.",
    },
]

# CenSec's cluster and innovation work (3.1: "I det omfang CenSec i forbindelse med internationalt
# klynge-/og innovationsarbejde har relationer til de store globale virksomheder orienteres DI FOS"):
# a CenSec activity under one of these rows that names a large global company informs DI FOS and is
# no breach of 3.1's main rule. 1.4 (meetings with ministries) and 3.8 (upskilling SMEs) are not such work.
CLUSTER_AND_INNOVATION_ROWS = ("1.5", "1.8", "2.1", "3.5", "3.6")

# The large global companies that 3.1 routes single-track through DI FOS. The agreement names
# Lockheed Martin "for example"; the others are the defence primes the secretariats named as the same kind.
GLOBAL_PRIMES = (
    "Lockheed Martin; Boeing; Airbus; BAE Systems; Raytheon; RTX; Northrop Grumman; General Dynamics; "
    "Thales; Saab; Rheinmetall; Leonardo; Kongsberg; Safran; MBDA"
)

MATRIX = [
    {
        "code": "1.1", "area": "political", "clause": "a1-1", "lead": "difos", "lead_with_parent": True,
        "duty": "involved", "single_track": False, "counterparts": "Forsvarsministeriet; Forsvaret",
        "responsibility_da": "Politisk interessevaretagelse og branchens politiske talerør: forsvarsministeren, andre ministre og politikere, embedsmænd i ministerier og styrelser, Forsvaret, internationale organisationer og udenlandske delegationer i Danmark",
        "responsibility_en": "Political advocacy, the industry's political mouthpiece: the Minister of Defence, other ministers, politicians, officials in ministries and agencies, the Danish Defence, international organisations, foreign delegations in Denmark",
        "other_da": "CenSec orienteres og inddrages", "other_en": "CenSec is informed and involved",
        "keywords_da": "politisk interessevaretagelse; talerør; forsvarsminister; forsvarsministeren; minister; politikere; embedsmænd; ministerier; styrelser; forsvaret; delegationer; lobby",
        "keywords_en": "political advocacy; mouthpiece; minister of defence; minister; politicians; officials; ministry; agencies; danish defence; delegation; lobbying",
        "source_da": "Dansk Industri/DI FOS har ansvaret for den politiske interessevaretagelse og er branchens politiske talerør.",
    },
    {
        "code": "1.2", "area": "political", "clause": "a1-1", "lead": "difos", "lead_with_parent": False,
        "duty": "involved", "single_track": False, "counterparts": "",
        "responsibility_da": "Nye politiske udspil; deltagelse i udvikling af regler og vejledninger",
        "responsibility_en": "New political proposals; taking part in developing rules and guidelines",
        "other_da": "CenSec orienteres og inddrages (den politiske interessevaretagelse)", "other_en": "CenSec is informed and involved (political advocacy)",
        "keywords_da": "politiske udspil; udspil; regler; vejledninger; lovgivning; høringssvar",
        "keywords_en": "political proposals; policy proposal; rules; guidelines; regulation; legislation; consultation response",
        "source_da": "Derudover er det DI FOS, der fastlægger nye politiske udspil, deltager i udvikling af regler og vejledninger.",
    },
    {
        "code": "1.3", "area": "political", "clause": "a1-1", "lead": "di", "lead_with_parent": False,
        "duty": "involved", "single_track": False, "counterparts": "",
        "responsibility_da": "Bredere politiske dagsordener, der vedrører en større del af erhvervslivet: eksportkontrol, tiltrækning af kvalificeret arbejdskraft, erhvervsuddannelser",
        "responsibility_en": "Broader political agendas touching more of business than this industry: export control, attracting qualified labour, vocational education",
        "other_da": "CenSec orienteres og inddrages (den politiske interessevaretagelse)", "other_en": "CenSec is informed and involved (political advocacy)",
        "keywords_da": "eksportkontrol; arbejdskraft; kvalificeret arbejdskraft; erhvervsuddannelser; erhvervsuddannelse; bredere dagsordener",
        "keywords_en": "export control; qualified labour; labour; vocational education; vocational training; broader agendas",
        "source_da": "Bredere politiske dagsordner om eksempelvis eksportkontrol, tiltrækning af kvalificeret arbejdskraft, erhvervsuddannelser osv., der vedrører en større del af erhvervslivet end forsvars-, rum- og sikkerhedsindustrien varetages af Dansk Industri.",
    },
    {
        "code": "1.4", "area": "political", "clause": "a1-1", "lead": "censec", "lead_with_parent": False,
        "duty": "involved", "single_track": False, "counterparts": "Uddannelses- og Forskningsministeriet; Erhvervsstyrelsen",
        "responsibility_da": "Møder med ministerier og styrelser i Danmark og udlandet om klyngesamarbejdet og innovationsindsatsen, målrettet CenSecs rolle som klyngeoperatør",
        "responsibility_en": "Meetings with ministries and agencies, in Denmark and abroad, on the cluster cooperation and its innovation effort, aimed at CenSec's role as cluster operator",
        "other_da": "DI FOS orienteres og inddrages", "other_en": "DI FOS is informed and involved",
        "keywords_da": "klyngeoperatør; operatør for klyngen; møder med ministerier om klyngen; klyngeprogram; innovationsindsatsen",
        "keywords_en": "cluster operator; ministry meeting on the cluster; cluster programme; innovation effort",
        "source_da": "I møder med ministerier og styrelser oa. såvel i Danmark som i udlandet om klyngesamarbejdet og innovationsindsatsen i tilknytning hertil, og som er målrettet CenSec's opgave som operatør for klyngen, er det CenSec, der deltager.",
    },
    {
        "code": "1.5", "area": "political", "clause": "a1-1", "lead": "censec", "lead_with_parent": False,
        "duty": "none", "single_track": False, "counterparts": "",
        "responsibility_da": "Klyngearbejde i triple helix med klyngerelevante myndigheder, virksomheder og videninstitutioner i Danmark og udlandet, og med internationale klyngeorganisationer og -netværk",
        "responsibility_en": "Triple-helix cluster work with cluster-relevant authorities, companies and knowledge institutions in Denmark and abroad, and with international cluster organisations and networks",
        "other_da": "", "other_en": "",
        "keywords_da": "triple helix; klyngeorganisationer; klyngenetværk; klyngearbejde",
        "keywords_en": "triple helix; cluster organisations; cluster networks; cluster work",
        "source_da": "CenSec bedriver klyngearbejde i triple helix koncepter med bl.a. klyngerelevante myndigheder, virksomheder og videninstitutioner i Danmark og udlandet, samt med internationale klyngeorganisationer og -netværk om udvikling af klyngerettede aktiviteter.",
    },
    {
        "code": "1.6", "area": "political", "clause": "a1-1", "lead": "difos", "lead_with_parent": True,
        "duty": "involved", "single_track": False, "counterparts": "EU-Kommissionen",
        "responsibility_da": "Branchens talerør over for ministerier, EU-kommissionen og internationale interesseorganisationer om udformning og rammer for Den Europæiske Forsvarsfond (EDF)",
        "responsibility_en": "The industry's mouthpiece towards ministries, the EU Commission and international interest organisations on the design and framework of the European Defence Fund (EDF)",
        "other_da": "CenSec orienteres og inddrages (den politiske interessevaretagelse)", "other_en": "CenSec is informed and involved (political advocacy)",
        "keywords_da": "edf; forsvarsfond; den europæiske forsvarsfond; forsvarsfonden; eu-kommissionen; rammerne for edf",
        "keywords_en": "edf; defence fund; european defence fund; eu commission; edf framework",
        "source_da": "Dansk Industri/DI FOS er branchens talerør i forhold til ministerier, EU-kommissionen og internationale interesseorganisationer, når det gælder udformning og rammerne for Den Europæiske Forsvarsfond, EDF.",
    },
    {
        "code": "1.7", "area": "political", "clause": "a1-1", "lead": "difos", "lead_with_parent": False,
        "duty": "involved", "single_track": False, "counterparts": "",
        "responsibility_da": "National Focal Point for forsvarsfonden (EDF)",
        "responsibility_en": "National Focal Point for the EDF",
        "other_da": "CenSec inddrages, når det omhandler CenSecs kerneopgaver", "other_en": "CenSec is involved where its core tasks are concerned",
        "keywords_da": "edf; forsvarsfond; forsvarsfonden; national focal point; focal point",
        "keywords_en": "edf; defence fund; european defence fund; national focal point; focal point",
        "source_da": "DI FOS varetager rollen som National Focal Point for forsvarsfonden og inddrager CenSec i dette arbejde, når det omhandler CenSecs kerneopgaver.",
    },
    {
        "code": "1.8", "area": "political", "clause": "a1-1", "lead": "censec", "lead_with_parent": False,
        "duty": "none", "single_track": False, "counterparts": "",
        "responsibility_da": "Arbejde inden for EDF og andre EU-fonde; innovationsrettede match-making arrangementer mellem danske og udenlandske virksomheder og forskningsinstitutioner om konsortiedannelse",
        "responsibility_en": "Working within the EDF and other EU funds; innovation match-making events between Danish and foreign companies and research institutions for consortium building",
        "other_da": "", "other_en": "",
        "keywords_da": "edf; forsvarsfond; eu-fonde; match-making; matchmaking; konsortiedannelse; konsortier; innovationsrettet match-making",
        "keywords_en": "edf; defence fund; eu funds; match-making; matchmaking; consortium building; consortia; innovation match-making",
        "source_da": "CenSec opererer indenfor rammerne af EDF og andre fonde i EU m.m., og forestår innovationsrettede match-making arrangementer mellem danske og udenlandske virksomheder og forskningsinstitutioner i forbindelse med konsortiedannelse oa.",
    },
    {
        "code": "1.9", "area": "political", "clause": "a1-1", "lead": "joint", "lead_with_parent": False,
        "duty": "joint", "single_track": False, "counterparts": "",
        "responsibility_da": "Informationsaktiviteter til virksomheder",
        "responsibility_en": "Information activities for companies",
        "other_da": "Gennemføres i samarbejde", "other_en": "Carried out together",
        "keywords_da": "informationsaktiviteter; informationsmøde; information til virksomheder",
        "keywords_en": "information activities; information meeting; information for companies",
        "source_da": "Informationsaktiviteter til virksomheder gennemføres i samarbejde mellem DI FOS og CenSec.",
    },
    {
        "code": "1.10", "area": "political", "clause": "a1-1", "lead": "both", "lead_with_parent": False,
        "duty": "none", "single_track": False, "counterparts": "",
        "responsibility_da": "Sæder i regeringens rådgivende gruppe for dansk forsvarsindustri og dens referencegrupper (forsvarsindustriel strategi, nye teknologier, industrisamarbejde, EU, F-35 Industripartnerskabet)",
        "responsibility_en": "Seats in the government's advisory group for the Danish defence industry and its reference groups (defence-industrial strategy, new technologies, industrial cooperation, EU, F-35 industrial partnership)",
        "other_da": "Begge har sæde", "other_en": "Both hold seats",
        "keywords_da": "rådgivende gruppe; referencegrupper; referencegruppe; forsvarsindustriel strategi; nye teknologier",
        "keywords_en": "advisory group; reference groups; reference group; defence-industrial strategy; new technologies",
        "source_da": "Både DI FOS og CenSec har sæde i regeringens rådgivende gruppe for dansk forsvarsindustri samt underliggende referencegrupper.",
    },
    {
        "code": "2.1", "area": "cluster", "clause": "a1-2", "lead": "censec", "lead_with_parent": False,
        "duty": "informed", "single_track": False, "counterparts": "",
        "responsibility_da": "Klyngesamarbejdet: bro mellem viden- og forskningsinstitutioner og virksomheder — internationalisering, kompetenceudvikling, samarbejdsprojekter, afklaring af udviklingsbehov, formidling af viden og forskning, igangsættelse af projekter, innovationsrettet match-making",
        "responsibility_en": "The cluster cooperation: bridging knowledge and research institutions and companies — internationalisation, competence development, collaboration projects, clarifying development needs, spreading knowledge and research, starting projects, innovation match-making",
        "other_da": "DI FOS spiller konstruktivt med, formidler klyngens aktiviteter til sine medlemmer og giver klyngen information om branchens udfordringer og potentialer",
        "other_en": "DI FOS takes part constructively, tells its members about cluster activities and gives the cluster information on the industry's challenges and potential",
        "keywords_da": "klyngesamarbejde; klyngesamarbejdet; klynge; videninstitutioner; forskningsinstitutioner; kompetenceudvikling; samarbejdsprojekter; udviklingsbehov; match-making; matchmaking; innovation",
        "keywords_en": "cluster cooperation; cluster; knowledge institutions; research institutions; competence development; collaboration projects; development needs; match-making; matchmaking; innovation",
        "source_da": "CenSec får ansvaret for klyngesamarbejdet, herunder at skabe bro mellem især viden- og forskningsinstitutioner og virksomheder.",
    },
    {
        "code": "3.1", "area": "international", "clause": "a1-3", "lead": "difos", "lead_with_parent": True,
        "duty": "informed", "single_track": True, "counterparts": GLOBAL_PRIMES,
        "responsibility_da": "Kontakt til store globale virksomheder (fx Lockheed Martin) — som hovedregel enstrenget via DI FOS",
        "responsibility_en": "Contact with large global companies (for example Lockheed Martin) — as a main rule single-track through DI FOS",
        "other_da": "DI/DI FOS holder CenSec orienteret om kontakt til og dialog med disse; har CenSec relationer til dem i internationalt klynge- og innovationsarbejde, orienteres DI FOS",
        "other_en": "DI/DI FOS keeps CenSec informed of contact and dialogue with them; where CenSec has relations with them through international cluster and innovation work, DI FOS is informed",
        "keywords_da": "store globale virksomheder; globale virksomheder; enstrenget; primes; hovedleverandør",
        "keywords_en": "large global companies; global companies; single-track; primes; prime contractor",
        "source_da": "Kontakter til store globale virksomheder, som eksempelvis Lockheed Martin, foregår derfor som hovedregel enstrenget via Dansk Industri/DI FOS.",
    },
    {
        "code": "3.2", "area": "international", "clause": "a1-3", "lead": "difos", "lead_with_parent": True,
        "duty": "consulted", "single_track": False, "counterparts": "",
        "responsibility_da": "Internationale kontakter, eksportfremstød og eksportindsats, internationale udbud, industrisamarbejde",
        "responsibility_en": "International contacts, export promotion and export efforts, international tenders, industrial cooperation",
        "other_da": "CenSec høres og inddrages", "other_en": "CenSec is consulted and involved",
        "keywords_da": "eksport; eksportfremstød; eksportindsats; internationale udbud; udbud; industrisamarbejde; internationale kontakter; messe",
        "keywords_en": "export; export promotion; trade mission; international tenders; tender; industrial cooperation; international contacts; trade fair",
        "source_da": "Dansk Industri og DI FOS har desuden ansvaret for de internationale kontakter, eksportfremstød, eksportindsatsen, internationale udbud samt industrisamarbejdet.",
    },
    {
        "code": "3.3", "area": "international", "clause": "a1-3", "lead": "difos", "lead_with_parent": False,
        "duty": "takes_part", "single_track": False, "counterparts": "Erhvervsstyrelsen",
        "responsibility_da": "Repræsentation af industrien i Erhvervsstyrelsens Følgegruppe for Industrisamarbejder og i Industripartnerskabet for F-35",
        "responsibility_en": "Representing the industry in the Danish Business Authority's follow-up group for industrial cooperation and in the F-35 industrial partnership",
        "other_da": "CenSec deltager ligeledes", "other_en": "CenSec also takes part",
        "keywords_da": "følgegruppe; følgegruppen for industrisamarbejder; f-35; industripartnerskabet; erhvervsstyrelsen",
        "keywords_en": "follow-up group; f-35; f-35 industrial partnership; industrial partnership; business authority",
        "source_da": "DI FOS repræsenterer derudover industrien i Erhvervsstyrelsens Følgegruppe for Industrisamarbejder og Industripartnerskabet for F-35, hvor CenSec ligeledes deltager.",
    },
    {
        "code": "3.4", "area": "international", "clause": "a1-3", "lead": "difos", "lead_with_parent": True,
        "duty": "involved", "single_track": False, "counterparts": "",
        "responsibility_da": "Bredere politisk interessevaretagelse, fx Arktis (herunder Grønland) og EU",
        "responsibility_en": "Broader political advocacy, e.g. the Arctic (including Greenland) and the EU",
        "other_da": "CenSec orienteres og inddrages (den politiske interessevaretagelse; gennemgående for Tillæg 1.3)", "other_en": "CenSec is informed and involved (political advocacy; throughout Appendix 1.3)",
        "keywords_da": "arktis; grønland; eu-politik; bredere politisk interessevaretagelse",
        "keywords_en": "arctic; greenland; eu policy; broader political advocacy",
        "source_da": "Bredere politisk interessevaretagelse for eksempel i forhold til Arktis (herunder Grønland), EU, oa. ligger hos Dansk Industri/DI FOS.",
    },
    {
        "code": "3.5", "area": "international", "clause": "a1-3", "lead": "censec", "lead_with_parent": False,
        "duty": "consulted", "single_track": False, "counterparts": "",
        "responsibility_da": "Internationale klyngeprojekter, hvor viden- og forskningsinstitutioner spiller en større rolle",
        "responsibility_en": "International cluster projects in which knowledge and research institutions play a larger role",
        "other_da": "Koordineres med DI FOS, som bidrager med viden", "other_en": "Coordinated with DI FOS, which contributes knowledge",
        "keywords_da": "internationale klyngeprojekter; klyngeprojekt; forskningsinstitutioner; internationalt klyngesamarbejde",
        "keywords_en": "international cluster projects; cluster project; research institutions; international cluster cooperation",
        "source_da": "CenSec deltager i internationale klyngerelaterede projekter, hvor viden- og forskningsinstitutioner spiller en større rolle. CenSec koordinerer dette med DI FOS.",
    },
    {
        "code": "3.6", "area": "international", "clause": "a1-3", "lead": "censec", "lead_with_parent": False,
        "duty": "none", "single_track": False, "counterparts": "",
        "responsibility_da": "CenSecs eksterne internationale projekter for danske eller internationale opdragsgivere (fx EU) under programmernes retningslinjer",
        "responsibility_en": "CenSec's external international projects for Danish or international commissioners (e.g. the EU), run under those programmes' guidelines",
        "other_da": "", "other_en": "",
        "keywords_da": "eksterne projekter; opdragsgivere; eu-projekt; interreg; horizon",
        "keywords_en": "external projects; commissioners; eu project; interreg; horizon",
        "source_da": "I forhold til CenSecs forpligtelse til at arbejde internationalt i eksterne projekter fra danske eller internationale opdragsgivere (fx EU) skal CenSec følge disse programmers retningslinjer.",
    },
    {
        "code": "3.7", "area": "international", "clause": "a1-3", "lead": "difos", "lead_with_parent": True,
        "duty": "takes_part", "single_track": False, "counterparts": "",
        "responsibility_da": "At finde danske virksomheder til udviklingsprojekter med udenlandske virksomheder med udestående industrisamarbejdsforpligtelser",
        "responsibility_en": "Finding Danish companies for development projects with foreign companies that have outstanding industrial-cooperation obligations",
        "other_da": "CenSec kan deltage i tæt samarbejde med DI FOS", "other_en": "CenSec may take part, in close cooperation with DI FOS",
        "keywords_da": "industrisamarbejdsforpligtelser; industrisamarbejdsforpligtelse; modkøb; offset; udviklingsprojekter med udenlandske virksomheder",
        "keywords_en": "industrial cooperation obligations; offset; offset obligations; development projects with foreign companies",
        "source_da": "CenSec kan i tæt samarbejde med DI FOS være involveret med at finde danske virksomheder, der kan indgå i udviklingsprojekter med udenlandske virksomheder med udestående industrisamarbejdsforpligtelser.",
    },
    {
        "code": "3.8", "area": "international", "clause": "a1-3", "lead": "censec", "lead_with_parent": False,
        "duty": "involved", "single_track": False, "counterparts": "",
        "responsibility_da": "Opkvalificering af SMV'er, så de kan deltage i industrisamarbejdet",
        "responsibility_en": "Upskilling SMEs so they can take part in industrial cooperation",
        "other_da": "DI FOS orienteres og inddrages (DI FOS har ansvaret for industrisamarbejdet; gennemgående for Tillæg 1.3)", "other_en": "DI FOS is informed and involved (DI FOS leads industrial cooperation; throughout Appendix 1.3)",
        "keywords_da": "opkvalificering; opkvalificere; smv; smv'er; små og mellemstore virksomheder; leverandørudvikling",
        "keywords_en": "upskilling; sme; smes; small and medium-sized enterprises; supplier development",
        "source_da": "CenSec opkvalificerer SMV-virksomhederne, til at kunne deltage i industrisamarbejdet.",
    },
    {
        "code": "4.1", "area": "operational", "clause": "a1-4", "lead": "each", "lead_with_parent": False,
        "duty": "consulted", "single_track": False, "counterparts": "",
        "responsibility_da": "Aktiviteter, som egne medlemmer efterspørger, inden for rollefordelingen; ved konkrete fælles behov samarbejder, koordinerer eller aftaler parterne en rollefordeling, så overlap undgås",
        "responsibility_en": "Activities that a party's own members ask for, within the role division above; where concrete shared needs arise, the parties cooperate, coordinate or agree a role division so that they do not overlap",
        "other_da": "Koordinering ved overlap", "other_en": "Coordinate on overlap",
        "keywords_da": "operationelle aktiviteter; medlemsaktiviteter; medlemmer efterspørger; netværksmøde; kursus; workshop",
        "keywords_en": "operational activities; member activities; members ask for; network meeting; course; workshop",
        "source_da": "Organisationerne bør inden for disse rammer have gode muligheder for aktiviteter, som efterspørges af egne medlemmer.",
    },
    {
        "code": "5.1", "area": "other", "clause": "a1-5", "lead": "each", "lead_with_parent": False,
        "duty": "none", "single_track": False, "counterparts": "",
        "responsibility_da": "Information om projekter på egen hjemmeside, sociale medier, nyhedsbreve og lignende",
        "responsibility_en": "Informing about projects on the party's own website, social media, newsletters and the like",
        "other_da": "", "other_en": "",
        "keywords_da": "hjemmeside; sociale medier; nyhedsbrev; nyhedsbreve; kommunikation; linkedin",
        "keywords_en": "website; social media; newsletter; newsletters; communication; linkedin",
        "source_da": "CenSec og Dansk Industri/DI FOS informerer om projekter mv. via egen hjemmeside, sociale medier, nyhedsbreve oa.",
    },
]

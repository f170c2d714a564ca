"""Table tests for pipeline.recognize.models.find_model_mentions (pure function, no spaCy model)."""
from __future__ import annotations

import pytest

from pipeline.recognize.models import find_model_mentions

AI_SENTENCE = "le modèle {} compte 7 milliards de paramètres"


def mentions(text):
    return list(find_model_mentions(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Llama 4 Scout", "Llama 4 Scout"),
        ("GPT-4o", "GPT-4o"),
        ("GPT-4o mini", "GPT-4o mini"),
        ("Claude Opus 4.6 thinking", "Claude Opus 4.6 thinking"),
        ("GPT-5.1 CodeX", "GPT-5.1 CodeX"),
        ("Qwen3-235B-A22B", "Qwen3-235B-A22B"),
        ("DeepSeek-V3", "DeepSeek-V3"),
        ("DeepSeek V3", "DeepSeek V3"),
        ("Mixtral 8x7B Instruct", "Mixtral 8x7B Instruct"),
        ("Claude Opus 4", "Claude Opus 4"),
        ("Gemini 2.0 Flash Lite", "Gemini 2.0 Flash Lite"),
        ("Phi-3-mini-128K", "Phi-3-mini-128K"),
        ("Command R+", "Command R+"),
        ("Command A", "Command A"),
        ("o3-mini", "o3-mini"),
        ("o4-mini-high", "o4-mini-high"),  # a reasoning effort after the tier
        ("GPT-5.2 Instant", "GPT-5.2 Instant"),
        ("Gemini 2.5 Pro 5 100 250 000", "Gemini 2.5 Pro"),  # a table's values after a tier
        ("Gemini 3 Pro Preview 10-50", "Gemini 3 Pro Preview"),
        ("Kimi K2", "Kimi K2"),
        ("Mistral Large 2", "Mistral Large 2"),
        ("Falcon 180B", "Falcon 180B"),
        (AI_SENTENCE.format("Zephyr 7B"), "Zephyr 7B"),
        ("DeepSeek-V3.1-Terminus", "DeepSeek-V3.1-Terminus"),  # a capitalised word after a hyphen
        ("Yi-Lightning", "Yi-Lightning"),
        ("Gemini 2.0.Claude suit.", "Gemini 2.0"),  # a sentence end glued to the next one
        ("une réactivité immédiate.Mistral Small 3.1", "Mistral Small 3.1"),  # … on either side
        ("Qwen3:30b-instruct", "Qwen3:30b-instruct"),  # an Ollama tag
        ("Llama 3.1:8b", "Llama 3.1:8b"),
        ("Mistral:7b", "Mistral:7b"),  # the tag is the version a bare family name needs
    ],
)
def test_match(text, expected):
    found = mentions(text)
    assert [m.text for m in found] == [expected]
    m = found[0]
    assert text[m.start:m.end] == expected
    assert m.has_tail


@pytest.mark.parametrize(
    "text",
    [
        "Selon Mistral, c'est fait",
        "l'assistant de DeepSeek",
        "Claude.ai est gratuit",
        "Mistral AI lève des fonds",
        "Mistral AI a levé 600 millions en série A",
        "Command a été envoyé",
        "le Fairphone 5 est un smartphone",
        "Lundi 27 janvier, un modèle",
        "Avec 69 % sur MMLU, le modèle",
        "sous licence Apache 2.0",
        "Android 13",
        "3 000 GPU H200",
        "GPT-5-level reasoning",  # an English suffix is no variant
        "le modèle coûte EUR 8'000 par mois",  # a currency code
        "le score du modèle (Intelligent Index 76)",  # a score's label
        "des outils Llama-based",
    ],
)
def test_no_match(text):
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text, family, recognizer",
    [
        ("Llama 4 Scout", "Llama", "family"),
        ("o3-mini", "o-series", "series"),
        # "Zephyr" is in the family lexicon, so the unknown-name recogniser needs an invented name.
        (AI_SENTENCE.format("Borealis 7B"), None, "unknown_name"),
    ],
)
def test_family_and_recognizer(text, family, recognizer):
    (m,) = mentions(text)
    assert (m.family, m.recognizer) == (family, recognizer)


@pytest.mark.parametrize(
    "text",
    [
        "Borealis 7B est un vélo",  # unknown name outside an AI sentence
        "le modèle Borealis 2024 est sorti",  # a year is not a version
        "le modèle est quantifié en Int8 et Int4",  # number formats, not models
        "le modèle a appris sur Books1 et Books2",  # datasets
        "le modèle corrige des issues GitHub2.",  # a footnote call
        "Creuset IA a lancé deux modèles, Étain3 et Nickel2 Pro.",  # glued, named once: unsure
        "Le modèle coûte peu. Prix Sortie12 $/1M tokens",  # a table label glued to its value, in a later word
        "Tous les modèles parlent du Web3",
        "le Tour de France 2 est un modèle de course",  # a known non-model word opens the name
        "Le modèle coûte cher. Facturé 75$ par million de tokens, il reste rentable.",  # a price
        # a paper's flattened authors and affiliations: their calls are no versions
        "Les modèles de langue pour le français. Louis Martin 1 Yoann Dupont 3 Laurent Romary 2 Djamé Seddah 2 1 Facebook AI Research",
        "La loi UE-Chine 2 encadre les modèles.",  # initials before a hyphen, a bare number: no model
        "Les LLM, les SLM et Chat-GPT sont des modèles de langage.",  # no lower-case stem; a product
        "Le modèle DragonLLM/Qwen-Open-Finance est en ligne.",  # a namespace before a slash
        "Le nouveau film de BloombergGPT sort demain.",  # (no sentence on AI models)
        "Le modèle repose sur l'architecture Aricate v4, maison.",  # another kind of thing
    ],
)
def test_unknown_name_no_match(text):
    assert mentions(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a version glued to the name, when the name comes back (not a footnote call)
        ("Creuset IA a lancé deux modèles, Étain3 et Nickel2 Pro. Étain3 et Nickel2 Pro sont ouverts.",
         ["Étain3", "Nickel2 Pro", "Étain3", "Nickel2 Pro"]),
        # three words with a particle
        ("Croix du Sud 2 est un modèle dense.", ["Croix du Sud 2"]),
        # … but a name whose version a tier follows, or a word in lower case
        ("Le modèle de langue Brume 3 Turbo est dense. Brume 3 est un modèle.", ["Brume 3 Turbo", "Brume 3"]),
        # a name listed with a model is one, and so are its other mentions
        ("Givre3 Turbo, Sérac 2, Brume Matinale 2 : les annonces. Sérac 2 est un modèle. Brume Matinale 2, en bref.",
         ["Givre3 Turbo", "Sérac 2", "Brume Matinale 2", "Sérac 2", "Brume Matinale 2"]),
        # a size joined by a hyphen names a model even outside an AI sentence
        ("une rumeur évoque un successeur : Grésil-70B.", ["Grésil-70B"]),
        # a name built on a language-model suffix, in a sentence on AI models
        ("Avec Latam-GPT, le Chili développe un nouveau modèle de langage.", ["Latam-GPT"]),
        ("InkubaLM : Un modèle de langue multilingue développé par Lelapa AI.", ["InkubaLM"]),
        ("Le modèle StableLM 2 est ouvert.", ["StableLM 2"]),
        # the same name in other letters' case, once it is a model (a distinctive one: a hyphen or a digit)
        ("Avec Latam-GPT, le Chili développe un modèle de langage. LATAM-GPT compte 70 milliards de paramètres.",
         ["Latam-GPT", "Latam-GPT"]),
        # a capital « V » version
        ("iFlytek a présenté son modèle d’IA, SparkDesk V3.5, qui rivalise avec GPT-4 Turbo.", ["SparkDesk V3.5", "GPT-4 Turbo"]),
        # initials before a hyphen and a capitalised part, with a size or a « v » version
        ("Nvidia a lancé trois modèles : LN-Nano 8B, LN-Super 49B et LN-Ultra 253B.", ["LN-Nano 8B", "LN-Super 49B", "LN-Ultra 253B"]),
        ("Le Nigeria lance N-ATLAS v1, un modèle de langage. N-ATLAS v1 est ouvert.", ["N-ATLAS v1", "N-ATLAS v1"]),
    ],
)
def test_unknown_name_shapes(text, expected):
    assert [m.text for m in mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Mistral a lancé un modèle de langage baptisé Saba, entraîné sur des données arabes.", ["Saba"]),
    ("Le laboratoire publie le modèle de langage Pleias 1.0, entraîné sur des données ouvertes.", ["Pleias 1.0"]),
    ("grâce à un optimiseur maison baptisé MuonClip pour ses tokens", []),  # an optimiser, not a model
    ("Le nouveau SUV baptisé Austral arrive.", []),
    # a name opening a sentence that calls it a model, in a sentence on AI
    ("Llava est un nouveau LLM qui peut faire plus que discuter.", ["Llava"]),
    ("Kyutai est parti d’un LLM maison (Helium) à 7 milliards de paramètres.", ["Helium"]),
    ("Il a choisi un modèle (Le Chat) pour discuter.", []),
    # a participle that gives a name is not its first word
    ("Des chercheurs ont mis au point deux modèles de langage. Baptisés Meditron 7B et 70B, ils sont open source.", ["Meditron 7B"]),
    ("Ollama est un nouvel outil pour lancer des LLM.", []),
    ("Austral est un nouveau modèle de SUV.", []),
    # after a bare « le modèle », « son modèle »: a name shaped like one (a capital inside, a digit)
    ("Google a prévisualisé le modèle SignGemma pour la langue des signes.", ["SignGemma"]),
    ("Le modèle AFM-on-device a nécessité 2 048 puces, tandis que le modèle AFM-server en a utilisé 8 192.", ["AFM-on-device", "AFM-server"]),
    ("Le modèle IA reste fermé.", []),  # (initials alone: no name)
    ("Deepseek vient d'annoncer son modèle DeepseekMath-V2.", ["DeepseekMath-V2"]),
    ("Le modèle Transformer a changé le traitement du langage.", []),
    ("Google a présenté le modèle Perdrix.", []),
    # … never the start of a longer word
    ("L'indice du modèle DoubaO1.5PRO de ByteDance atteint 80.", []),
    # a test's name (« …bench », « …Eval ») and a calendar word are no model
    ("Le modèle Gemini 3 Pro domine Kingbench 2.0 sur les tâches de code.", ["Gemini 3 Pro"]),
    ("Le défi 1 Jour 1 IA présente les modèles de langage.", []),
    ("--- title: Les modèles de langage date: February 5, 2026 ---", []),  # an English date, no model
])
def test_names_the_sentence_calls_a_model(text, expected):
    from pipeline.recognize.segments import segment

    assert [m.text for m in find_model_mentions(text, sentences=segment(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Un modèle LLAMA 3.1 8B quantifié", ["Llama 3.1 8B"]),  # a family in capitals: the lexicon's spelling
    ("GPT-OSS 20B atteint 139 tokens/seconde", ["gpt-oss 20B"]),
    ("OpenAI a lancé GPT-OSS, son modèle ouvert", ["gpt-oss"]),  # a family that is no company nor word, alone
    ("Claude est une série de grands modèles de langage", ["Claude"]),  # a bare family name its sentence defines
    ("Mistral est la famille de modèles de Mistral AI", ["Mistral"]),
    ("Mistral est une entreprise française", []),
    # a bare family name after « des modèles … tels que », or in parentheses after its own maker
    ("au même niveau que des modèles américains tels que ChatGPT ou Claude", ["Claude"]),
    ("les géants tels qu'Amazon (Nova) et Anthropic (Claude)", ["Nova", "Claude"]),
    ("Microsoft (Claude) et Google (Nova)", []),
    ("publié par le DeepSeek (DeepSeek) des Émirats", []),  # the company's name twice
    ("des entreprises telles que Mistral ou Claude", []),
    ("d’autres SLM comme Mistral, Gemma et Llama 2", ["Mistral", "Gemma", "Llama 2"]),
    ("des concurrents comme Anthropic et DeepSeek repoussent les limites", []),
    ("Falcon Arabic a été entraîné sur des données en arabe", ["Falcon Arabic"]),  # a language as the variant
    ("Le TII publie Falcon 2 11B VLM, un modèle vision-langage.", ["Falcon 2 11B VLM"]),  # a vision-language variant
    ("Google a présenté Gemini Embedding 2, un modèle multimodal.", ["Gemini Embedding 2"]),  # an embedding model
    # a size tier in lower case after a version, a decimal comma after a space; not « plus », a French word
    ("Le comparateur propose Gemini 1,5 pro de Google.", ["Gemini 1.5 Pro"]),
    ("Gemini 2.0 flash-lite est rapide.", ["Gemini 2.0 Flash-Lite"]),
    ("GPT-4 plus performant que jamais.", ["GPT-4"]),
    # a bare name the sentence calls a model (« un autre modèle de langue : Bloom »); not the taxonomy
    ("Des chercheurs ont conçu un autre modèle de langue : Bloom.", ["Bloom"]),
    ("La taxonomie de Bloom aide les enseignants.", []),
    # the series in capitals after « les modèles de raisonnement »
    ("Sur LMArena, les modèles de raisonnement O3 et GPT-4o sont à égalité.", ["o3", "GPT-4o"]),
    # a bare family name followed by a capitalised word that is no variant, maker or family: another name
    ("Bien qu'il utilise Llama CPP, LM Studio ne peut pas exécuter Llama Parallel.", []),
    ("L'abonnement Gemini Advanced donne accès à Gemini Ultra.", ["Gemini Ultra"]),
    ("Des modèles comme Llama, Mistral et Qwen.", ["Llama", "Mistral", "Qwen"]),
    # a release's date code after a versioned name; not a year, not a count
    ("Mistral Large (2402) et Mistral Large 2407 sont disponibles.", ["Mistral Large 2402", "Mistral Large 2407"]),
    ("Magistral s'appuie sur Mistral Small 3.1 (2503).", ["Magistral", "Mistral Small 3.1"]),
    ("• GPT-4 1106 : 1250", ["GPT-4 1106"]),
    ("GPT-4 2024 est loin, Llama 3 1024 tokens.", ["GPT-4", "Llama 3"]),
    # after a bare family, only a year and a month (« Codestral 2501 »), not « Claude 1106 » nor a parenthesis
    ("Nous avons testé Codestral 2501 puis Codestral (2405).", ["Codestral 2501", "Codestral"]),
    ("Le modèle Claude 1106 fois plus cher.", ["Claude"]),  # (the family « le modèle » names, no code)
    # a tier in quotes after a versioned name is the name's (not a reasoning setting: « High »)
    ('Avec ses 288 milliards de paramètres actifs, Llama 4 "Behemoth" serait le plus grand.', ["Llama 4 Behemoth"]),
    ("Il devance GPT-5.2 « High » d'OpenAI.", ["GPT-5.2"]),
    ("| Anthropic Claude 3.5 (Sonnet) | 0,003 $ |", ["Claude 3.5 Sonnet"]),
    ("AI21 Jurassic-2 Mid coûte peu. Lancez Kimi K2 Q8 en local.", ["Jurassic-2 Mid", "Kimi K2"]),  # (Q8: a quantisation)
    ("Des modèles comme Jurassique-1 Jumbo dominaient.", ["Jurassic-1 Jumbo"]),  # (the French spelling, output as the name)
    # OpenAI's reasoning series written after « GPT- » or « ChatGPT »
    ("Grok-3 dépasse souvent GPT-o1 ; ChatGPT o3-mini reste rapide.", ["Grok-3", "o1", "o3-mini"]),
    # an Ollama tag, the family in lower case (not inside a URL)
    ("| qwen3:14b | 12 Go |\n| qwen3-vl:30b-a3b | 22 Go |\n| ministral-3:14b | 13 Go |",
     ["Qwen3-14B", "Qwen3-VL-30B-A3B", "Ministral-3-14B"]),
    ("Lancez ollama run llama3.1:8b puis testez.", ["Llama3.1-8B"]),
    # another spelling the lexicon gives the family, output as its name
    ("La firme prend l’exemple de LLama-2 13B de Meta.", ["Llama-2 13B"]),
    ("Le modèle de langage Microsoft Turing NLG intègre 10 milliards de paramètres.", ["Turing-NLG"]),
    # a family name that needs a version, which the sentence calls a language model (not a business model)
    ("Selon la chercheuse, le projet Bloom est un modèle de langage ouvert.", ["Bloom"]),
    ("Whisper est un modèle d’apprentissage automatique créé par OpenAI.", ["Whisper"]),
    ("Whisper est un murmure.", []),
    ("Le principe de la tarification de l'API Claude est un modèle de paiement à l'usage.", []),
    # « Claude » alone: the model where the article names Anthropic and no Claude model, never « Claude Monet »
    ("Anthropic a créé l'IA du nom de Claude. Celle-ci marque sa différence.", ["Claude"]),
    ("Claude est un chanteur populaire.", []),
    ("Anthropic est cité. Claude Monet peignait des nymphéas.", []),
    ("Anthropic a lancé Claude 3 Opus. Claude est devenu le premier LLM à passer la barre des 60 %.", ["Claude 3 Opus"]),
    # the version and tier in parentheses after the family: « le Claude (Opus 4) d'Anthropic »
    ("Il surpasse le GPT-4.1 d'OpenAI et le Claude (Opus 4) d'Anthropic.", ["GPT-4.1", "Claude Opus 4"]),
    ("Voir https://ollama.com/library/qwen3:14b pour le détail.", []),
    # a bare family name the words before make an organisation
    ("En avril, le laboratoire chinois Qwen a présenté une série de modèles.", []),
    ("Cela ne surprend pas les entreprises chinoises comme DeepSeek et Qwen, qui publient des modèles.", []),
    ("Un secteur dominé par les laboratoires chinois (tels que DeepSeek ou Qwen). Ces modèles progressent.", []),
    ("La famille Qwen s'agrandit.", ["Qwen"]),
    # siblings after a slash, « et » or « ou »: the last part replaced by one of its kind
    ("Gemini 2.0 Pro/Flash", ["Gemini 2.0 Pro", "Gemini 2.0 Flash"]),
    ("ses modèles Gemini 3 Pro et Flash", ["Gemini 3 Pro", "Gemini 3 Flash"]),
    ("Llama 3.1 et 3.2 sont sortis", ["Llama 3.1", "Llama 3.2"]),
    ("GPT-4 et 5 fois plus rapide", ["GPT-4"]),
    ("Gemini 2.5 Pro et Claude 3", ["Gemini 2.5 Pro", "Claude 3"]),
    ("2 052 pour PaLM 2 123B et 2 596 pour PaLM 4 32B", ["PaLM 2 123B", "PaLM 4 32B"]),  # a size, then a figure
    ("supporte GPT-5.2 Thinking et Codex", ["GPT-5.2 Thinking", "Codex"]),  # a family of its own
    # the o-series' reasoning effort after a space, capitalised or not
    ("celui de o3-mini High Reasoning d’OpenAI", ["o3-mini-high"]),
    ("o3-mini high est le plus adapté", ["o3-mini-high"]),
    ("o3-mini higher", ["o3-mini"]),
    # a version with a point or a tier in parentheses after a bare family (a table's header)
    ("| Gemini (2.5 Pro) |", ["Gemini 2.5 Pro"]),
    ("Claude (3 Opus) est fort", ["Claude 3 Opus"]),
    ("Gemini (2024) est un assistant", ["Gemini"]),
    ("Gemini (1) et GPT-4", ["Gemini", "GPT-4"]),
    # a decimal comma in a version after a hyphen (not a size in billions after it)
    ("inférieur à GPT-3,5 selon le PDG", ["GPT-3.5"]),
    ("GPT-4,5 milliards", ["GPT-4"]),
    # a maker's code with its maker (« le modèle T1 de Tencent »)
    ("Le modèle de raisonnement T1 de Tencent est sorti", ["Hunyuan T1"]),
    # a table flattened with no cell separators: the name ends where the provider's id starts
    ("Claude Sonnet 4.5anthropic.claude-sonnet-4-5-20250929-v1:0Copied!", ["Claude Sonnet 4.5"]),
    ("Gemini 1.5 Progemini-1.5-pro-002", ["Gemini 1.5 Pro"]),
    ("Gemini 1.5 Profitable", ["Gemini 1.5"]),  # (a word, not a glued id)
    # … or where the maker's cell starts
    ("Claude Opus 4Anthropic200K tokens~62%", ["Claude Opus 4"]),
    ("DeepSeek V3DeepSeek128K tokens", ["DeepSeek V3"]),
    ("GPT-4oOpenAI128K tokens", ["GPT-4o"]),
    ("Llama 3 Metallica", ["Llama 3"]),
    ("Le PHI 3 arrive", []),  # a name of three letters in capitals is more often an acronym
    ("LicenceApache 2.0 (open-weight)", []),  # a label glued to its value
])
def test_spelling(text, expected):
    assert [m.text for m in mentions(text)] == expected


def test_a_code_launched_by_the_nearest_organisation_is_its_model():
    text = ("Aux côtés d'Alibaba, le laboratoire chinois DeepSeek a présenté son modèle de raisonnement R3 "
            "sous licence ouverte.")
    assert [m.text for m in mentions(text)] == ["DeepSeek R3"]


@pytest.mark.parametrize("text, expected", [
    ("Les modèles d'IA comparés : Claude 3.7 Sonnet, O3 Mini et GPT-4o.", ["Claude 3.7 Sonnet", "o3-mini", "GPT-4o"]),
    ("Des modèles d'IA comme DeepSeek, O1 ou O3 sont sortis.", ["DeepSeek", "o1", "o3"]),  # listed with each other (and DeepSeek with them)
    ("Les émissions de CO2 et d'O3 des centres de données des modèles d'IA augmentent.", []),  # ozone
    ("La couche d'ozone O3 et le dioxygène O2.", []),
])
def test_the_series_in_capitals(text, expected):
    assert [m.text for m in mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("ChatGPT-5 est sorti", ["GPT-5"]),
    ("comme ChatGPT 4o et ChatGPT-4.5.", ["GPT-4o", "GPT-4.5"]),  # the sentence's period is not a version
    ("supérieur à celui de ChatGPT-4.5. La suite", ["GPT-4.5"]),
    ("ChatGPT-4.5.1 n'existe pas", []),
    ("ChatGPT est un produit", []),
])
def test_chatgpt_version_is_the_model_behind_it(text, expected):
    assert [m.text for m in mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the series in capitals: with a tier, after « modèle », then everywhere in the article
    ("Le modèle O3 AI d’Openai a obtenu un score. Lorsque OpenAI a dévoilé O3 en décembre, il a affirmé …", ["o3", "o3"]),
    ("Les modèles O4-Mini et O1 surpassent la concurrence.", ["o4-mini", "o1"]),
    # not ozone, nor a bare « O3 » in an article that never calls it a model
    ("Les émissions d'O3 augmentent. L'ozone O3 est un polluant.", []),
    ("Lorsque OpenAI a dévoilé O3 en décembre, il a affirmé …", []),
])
def test_series_in_capitals(text, expected):
    assert [m.text for m in mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a family's models by their code alone, in an article that names the family or its maker
    ("DeepSeek est de retour ! Après la sortie de V3, R1 Zero et R1, DeepSeek a mis à jour V3.",
     ["DeepSeek V3", "DeepSeek R1 Zero", "DeepSeek R1", "DeepSeek V3"]),
    ("DeepSeek a lancé deux modèles – V3.2 et V3.2-Speciale.", ["DeepSeek V3.2", "DeepSeek V3.2-Speciale"]),
    ("Moonshot AI a publié K2 en juillet.", ["Kimi K2"]),
    # not without the family or its maker, nor inside another name or a number
    ("La route R1 et la version V3 du logiciel.", []),
    ("DeepSeek-V3 est sorti ; la R1.5 aussi.", ["DeepSeek-V3", "DeepSeek R1.5"]),
    ("DeepSeek utilise des GPU H800 et la norme V2X.", []),
    ("DeepSeek a mis à jour son modèle. Le nouveau R1 se rapproche d'o3.", ["o3"]),  # the update, not R1
    # … nor the code of another name (« Coder V1 »: a variant word and its version, kept for the resolver,
    # not « DeepSeek V1 »), nor its sibling (« Coder v1 et V2 »)
    ("Deepseek Coder v1 et V2 diffèrent. Coder V1 a été formé sur 2 billions de jetons.", ["Deepseek Coder v1", "Coder V1"]),
    ("DeepSeek a publié V3. Avec V3, puis R1, la startup a surpris.", ["DeepSeek V3", "DeepSeek V3", "DeepSeek R1"]),
])
def test_family_codes(text, expected):
    assert [m.text for m in mentions(text)] == expected


VARIANTS = frozenset({"turbo", "sonnet", "pro", "flash", "mini", "thinking", "large", "small"})


@pytest.mark.parametrize("fam, rest, expected", [
    # a provider's model id: its date or revision dropped, « 3-5 » read 3.5, sizes in capitals
    ("gpt", "4-turbo-2024-04-09", "GPT-4 Turbo"),
    ("claude", "3-5-sonnet-20241022", "Claude 3.5 Sonnet"),
    ("gemini", "1.5-pro-002", "Gemini 1.5 Pro"),
    ("llama", "3.1-70b-instruct", "Llama 3.1 70B"),
    ("gpt", "4o-mini", "GPT-4o mini"),
    ("gpt", "4", "GPT-4"),
    ("gpt", "5-thinking", "GPT-5 Thinking"),
    # no version first, or a word that is no variant (a file name): none
    ("gemini", "pro-vision", None),
    ("mistral", "large-2407", None),
    ("mistral", "3-large-ministral-ia", None),
    ("gpt", "5-main", None),
])
def test_api_id_name(fam, rest, expected):
    from pipeline.recognize.models import api_id_name
    assert api_id_name(fam, rest, variants=VARIANTS) == expected


@pytest.mark.parametrize("text, expected", [
    ("Version testée : gpt-4-turbo-2024-04-09", ["GPT-4 Turbo"]),
    ("Le modèle meta.llama-3.1-70b-instruct est disponible.", ["Llama 3.1 70B"]),
    ("voir https://docs.unsloth.ai/basics/deepseek-r1-0528 et /models/gemini-1.5-pro", []),  # paths
    ("1. meta-llama/llama-4-maverick:free", ["Llama 4 Maverick"]),  # after its provider and a slash
    ("Voir https://openrouter.ai/meta-llama/llama-4-maverick pour le détail.", []),  # (not in a URL)
])
def test_api_ids_in_text(text, expected):
    assert [m.text for m in mentions(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare family name is the company or the assistant, unless it is listed with models,
        # named with a version or bare
        ("Les modèles comme GPT-4 et Claude progressent.", ["GPT-4", "Claude"]),
        ("Le logiciel supporte les modèles populaires comme Llama, Mistral et Qwen.", ["Llama", "Mistral", "Qwen"]),
        ("Depuis LLaMA, Mistral, Qwen ou encore DeepSeek, la taille des modèles croît.", ["LLaMA", "Mistral", "Qwen", "DeepSeek"]),
        ("Mistral lève des fonds.", []),
        ("Son modèle Claude est en voie de devenir un atout.", ["Claude"]),  # after « son modèle »
        ("Selon Mistral, Llama progresse.", ["Llama"]),
        ("Google, Mistral et Meta publient.", []),
        # a list of three names or more, two of them models: its bare names are models
        ("Des modèles comme GPT, Claude, Gemini, Llama, Mistral ou ChatGPT.", ["GPT", "Claude", "Gemini", "Llama", "Mistral"]),
        ("GPT, Claude et Mistral sont cités.", []),
        # an assistant listed with it counts as a model there
        ("Les interfaces de ChatGPT ou Claude cachent des mécanismes.", ["Claude"]),
        ("Des versions de Chat-GPT, Claude, Copilot, Gemini, Grok, Llama se succèdent.", ["Claude", "Gemini", "Grok", "Llama"]),
        ("ChatGPT, Mistral et Anthropic publient.", []),  # (the companies' list)
        ("ChatGPT et Mistral AI publient.", []),
        # … or listed after a versioned model a comparison names
        ("Gemini 3 Pro, qui doit être meilleur que GPT-5, Grok ou Claude, arrive.", ["Gemini 3 Pro", "GPT-5", "Grok", "Claude"]),
        ("Gemini 3 Pro est meilleur que Grok ou Claude.", ["Gemini 3 Pro"]),
    ],
)
def test_bare_families_in_lists(text, expected):
    assert [m.text for m in mentions(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le modèle R1 de DeepSeek est ouvert.", ["DeepSeek R1"]),
        ("DeepSeek a dévoilé son modèle amélioré R1-0528 jeudi.", ["DeepSeek R1-0528"]),  # a dated checkpoint
    ],
)
def test_code_of_org(text, expected):
    assert [m.text for m in mentions(text)] == expected


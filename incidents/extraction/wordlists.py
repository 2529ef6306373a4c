"""Frequent words of news Arabic and English that are also names in the gazetteer.

A place or actor name that is one of these words (بلد "country", الثورة "revolution", "Hit") reads as the
word far more often than as the name, so the matchers ask for context before taking it as a name. The
lists are written by hand for that purpose, not taken from a corpus: they hold common nouns, adjectives
and verbs of news copy, given names, and foreign places whose names Syrian neighbourhoods borrow.
Arabic words are listed without the article; `is_frequent_word` checks a name with and without it.
"""
from .normalize import token_key

# Nouns, adjectives and verbs of news copy (and of the names in the shipped gazetteer that read as them).
_ARABIC_WORDS = """
بلد دولة مدينة محافظة منطقة حي قرية ناحية قضاء مركز عاصمة ريف شارع طريق جسر سوق ساحة ميدان مطار قاعدة
معسكر مخيم سجن سد نهر بحر بحار جبل تل وادي سهل صحراء جزيرة ساحل حدود معبر بوابة باب برج قلعة قصر قصور
مسجد جامع كنيسة مدرسة مدارس جامعة مستشفى ملعب محطة مصنع مصانع صناعة صناعي مزرعة مزارع حقل حقول بستان
بساتين روضة رياض حديقة زهور ورود شجرة نخيل رمال رمانة كرمة ملح ماء نور فجر صباح مساء ليل نهار شمس قمر
نجم بيت منزل مساكن غرف قاعة بناء عمارة مبنى مشروع مشاريع سكن إسكان جمعية شركة مصرف بنك بنوك معرض مكتب
شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي وسطى أوسط شمالية جنوبية شرقية غربية
جديد جديدة جديدات قديم قديمة حديث حديثة كبير كبيرة صغير صغيرة عظيم عظمى أول ثاني ثالث أخير
أحمر حمراء أخضر خضراء خضر أبيض بيضاء أسود سوداء أزرق زرقاء أصفر صفراء رمادية
ثورة حرية استقلال وحدة تحرير نصر انتصار نضال جهاد شهداء شهيد سلام أمن أمان حرب معركة عسكري عسكرية
جيش قوات شرطة حرس جمهورية شعب شعبي وطن وطني قومي عربي عروبة إسلام إسلامي بعث تقدم نهضة إصلاح تصحيح
تضامن طليعة طلائع شموخ كرامة عزة مجد أمل فردوس فرسان فرقان فيض خير بركة سعادة إخلاص وفاء صمود مقاومة
تحدي عودة حياة علم علوم ثقافة رياضة رياضي فنون أعلام عمال فلاحين مهاجرين أنصار أمين إمام مجلس حكومة
مهد شعلة منارة واحة غدير عين ينابيع نبع آبار شلال
قائم القائم موجود حاضر مستقبل ماضي عمر سن وقت يوم عام سنة شهر أسبوع
قال أكد أعلن ذكر أفاد نفى كسب سلوك نبل قارة عنه منه فيه إليه عليه صور صورة تسيل
دور ديار أهل أهالي سكان ناس رجال نساء أطفال
مدني مدنية رسمي حكومي أمني محلي دولي دولية
شين مقل كلك سبه مرجه
"""

# Given names: "جاسم" or "Sam" in a sentence is far more often a person than a village.
_ARABIC_GIVEN_NAMES = """
محمد أحمد علي حسن حسين عمر عثمان خالد سعيد سعد كريم جاسم قاسم عباس حمزة بلال مهدي منصور ناصر وليد
رشيد سلمان فيصل صالح سالم عادل جمال يوسف إبراهيم إسماعيل موسى عيسى زينب فاطمة زهراء مريم دانا شوان
كنعان ربيعة هادي حيدر مصطفى مرتضى أسد زهير نزار فراس باسل نبيل بشار حافظ رامي سامي أمير
"""

# Foreign places that name Syrian neighbourhoods and villages (القدس، الرياض) or share a name with one.
_ARABIC_FOREIGN_PLACES = """
القدس القاهرة الرياض تونس عدن المغرب الجزائر الأندلس غرناطة إشبيلية الإسكندرية حيفا الكرك الناصرة
الكرمل الجيزة الحجاز النيل الأرمن يافا عكا
"""

_ENGLISH_WORDS = """
hit bat dam hole mare mine mina sam khan tell tall tal sur sine shin jihad industrial medina madina
new old city town village district area zone camp base field fields gate door tower bridge market square
north south east west central green red white black blue gold silver hill valley river sea lake island
state republic people union unity liberty freedom victory peace hope dawn light star sun moon garden
gardens roses flowers palace palaces castle prison station stadium school schools farm farms factory
center centre port harbor harbour bay cape point rock stone sand salt water spring springs well wells
al an as at ad ar ash az el ed es
and the of for from with by on in to is it be are was were has had have not but or if so
may june march august april will can said says say say new day days year years time times
turkey china chad niger
"""

_ENGLISH_GIVEN_NAMES = """
sam dana mari maria anna jasim jassim hamza hamzah bilal mahdi mansour nasr nasser amin ameen rashid
rasheed rashad qasim kasim karim kareem khalid walid waleed abbas ali hassan hussein omar salman faisal
haifa zahra zahraa nour noor sabah sabbah
"""

_ENGLISH_FOREIGN_PLACES = """
cairo tunis granada seville alexandria jerusalem riyadh aden haifa nazareth andalus giza karak kerak
"""


def _keys(words):
    return frozenset(token_key(word) for word in words.split())


ARABIC = _keys(_ARABIC_WORDS) | _keys(_ARABIC_GIVEN_NAMES) | _keys(_ARABIC_FOREIGN_PLACES)
ENGLISH = _keys(_ENGLISH_WORDS) | _keys(_ENGLISH_GIVEN_NAMES) | _keys(_ENGLISH_FOREIGN_PLACES)


def is_frequent_word(key):
    """Return True if the one-word key is a frequent Arabic or English word (with or without ال)."""
    if key in ARABIC or key in ENGLISH:
        return True
    return key.startswith("ال") and len(key) > 3 and key[2:] in ARABIC

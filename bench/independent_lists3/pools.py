# ruff: noqa: E501  (name pools: one entry a line)
"""Invented name and place pools for the third independent test set (see README.md).

Every entry is written by hand for this set: Arabic form ; weight ; English-tradition Latin
spellings ; French-tradition spellings ; scholarly transliteration. Weights give the frequency
skew of Syrian names (a few very common first and family names, a long tail). No entry is taken
from a real list of victims; the people built from them are invented.
"""

from __future__ import annotations

MALE = """
محمد;30;Mohammad/Mohammed/Muhammad/Mohamad/Mhd/Muhammed;Mohamed/Mouhammad;Muḥammad
أحمد;14;Ahmad/Ahmed;Ahmed;Aḥmad
محمود;8;Mahmoud/Mahmood/Mahmud;Mahmoud;Maḥmūd
مصطفى;6;Mustafa/Mostafa;Moustapha/Moustafa;Muṣṭafā
علي;7;Ali/Aly;Ali;ʿAlī
خالد;6;Khaled/Khalid;Khaled;Khālid
عمر;5;Omar/Umar;Omar;ʿUmar
عبد الله;6;Abdullah/Abdallah/Abdulla/Abd Allah;Abdallah/Abdellah;ʿAbd Allāh
عبد الرحمن;4;Abdulrahman/Abdul Rahman/Abdel Rahman/Abd al-Rahman/Abdul-Rahman;Abderrahmane/Abdelrahman;ʿAbd al-Raḥmān
حسن;5;Hassan/Hasan;Hassan;Ḥasan
حسين;4;Hussein/Hussain/Husain/Hussien;Houssein;Ḥusayn
إبراهيم;4;Ibrahim/Ibraheem/Ebrahim;Ibrahim;Ibrāhīm
يوسف;4;Yousef/Youssef/Yusuf/Yousif;Youssef;Yūsuf
عبد الكريم;2;Abdulkarim/Abdul Karim/Abd al-Karim;Abdelkarim/Abdel Karim;ʿAbd al-Karīm
عبد القادر;2;Abdulkader/Abdul Qader/Abd al-Qadir;Abdelkader/Abdel Kader;ʿAbd al-Qādir
أسامة;2;Osama/Usama/Ossama;Oussama;Usāma
حمزة;2;Hamza/Hamzah;Hamza;Ḥamza
سامر;2;Samer;Samer;Sāmir
ياسر;2;Yaser/Yasser/Yasir;Yasser;Yāsir
وليد;2;Walid/Waleed;Walid;Walīd
فراس;1;Firas/Feras;Firas;Firās
معاذ;1;Muath/Moaz/Muaz;Mouaz;Muʿādh
بلال;1;Bilal/Belal;Bilal;Bilāl
جمال;1;Jamal/Gamal;Djamal/Jamal;Jamāl
شادي;1;Shadi/Shady;Chadi;Shādī
قاسم;1;Qasem/Qassim/Kasem;Kacem/Kassem;Qāsim
طارق;1;Tareq/Tariq/Tarek;Tarek;Ṭāriq
زياد;1;Ziad/Ziyad;Ziad;Ziyād
عماد;1;Imad/Emad;Imad;ʿImād
فادي;1;Fadi/Fady;Fadi;Fādī
ماهر;1;Maher/Mahir;Maher;Māhir
نور الدين;1;Nour al-Din/Nouraldin/Nur al-Din/Noor Aldeen;Noureddine/Nour Eddine;Nūr al-Dīn
عز الدين;1;Izz al-Din/Ezzeddin/Ezz Aldin/Izzaldin;Ezzeddine;ʿIzz al-Dīn
مأمون;1;Mamoun/Maamoun/Ma'moun;Mamoun;Maʾmūn
عيسى;1;Issa/Eisa/Isa;Issa;ʿĪsā
موسى;1;Mousa/Musa/Mosa;Moussa;Mūsā
يحيى;1;Yahya/Yehia/Yahia;Yahia;Yaḥyā
صالح;2;Saleh/Salih;Saleh;Ṣāliḥ
سليمان;2;Suleiman/Sulaiman/Soliman;Souleiman;Sulaymān
عثمان;1;Othman/Osman/Uthman;Othmane;ʿUthmān
رامي;1;Rami/Ramy;Rami;Rāmī
مازن;1;Mazen/Mazin;Mazen;Māzin
أنس;1;Anas;Anas;Anas
عدنان;1;Adnan;Adnane;ʿAdnān
جهاد;1;Jihad/Jehad;Djihad;Jihād
غياث;1;Ghiath/Ghiyath/Ghayath;Ghiath;Ghiyāth
رضوان;1;Radwan/Ridwan;Radouane;Riḍwān
منذر;1;Munther/Monzer/Munzir/Munzer;Mounzer;Mundhir
أيمن;1;Ayman/Aiman;Aymen;Ayman
هيثم;1;Haitham/Haytham/Heitham;Haytham;Haytham
نضال;1;Nidal/Nedal;Nidal;Niḍāl
عبد الرزاق;1;Abdulrazzaq/Abdul Razzak/Abd al-Razzaq;Abderrazak/Abdel Razzak;ʿAbd al-Razzāq
"""

FEMALE = """
فاطمة;8;Fatima/Fatma/Fatimah;Fatima/Fatma;Fāṭima
مريم;4;Mariam/Maryam;Meriem;Maryam
خديجة;3;Khadija/Khadijeh/Khadijah;Khadija;Khadīja
عائشة;3;Aisha/Aysha/Aishah;Aicha;ʿĀʾisha
زينب;3;Zainab/Zeinab/Zaynab;Zeineb;Zaynab
آمنة;2;Amina/Amna/Ameena;Amina;Āmina
نور;3;Nour/Noor/Nur;Nour;Nūr
رنا;2;Rana;Rana;Ranā
هدى;2;Huda/Hoda;Houda;Hudā
ليلى;2;Layla/Leila/Laila;Leila;Laylā
سعاد;2;Suad/Soad;Souad;Suʿād
رزان;1;Razan;Razane;Razān
هيفاء;1;Haifa/Hayfa;Haifa;Hayfāʾ
سمر;2;Samar;Samar;Samar
رهف;1;Rahaf;Rahaf;Rahaf
أسماء;2;Asmaa/Asma;Asma;Asmāʾ
إيمان;2;Iman/Eman;Imane;Īmān
منى;2;Mona/Muna;Mouna;Munā
سلمى;1;Salma;Salma;Salmā
ريم;2;Reem/Rim;Rim;Rīm
هالة;1;Hala;Hala;Hāla
وفاء;1;Wafaa/Wafa;Wafa;Wafāʾ
حنان;2;Hanan;Hanane;Ḥanān
نجاح;1;Najah;Najah;Najāḥ
أمل;2;Amal;Amal;Amal
رقية;1;Ruqaya/Roqaya/Ruqayyah;Rokaya;Ruqayya
غادة;1;Ghada;Ghada;Ghāda
دعاء;1;Duaa/Doaa;Doua;Duʿāʾ
بشرى;1;Bushra;Bouchra;Bushrā
لينا;1;Lina/Leena;Lina;Līnā
"""

# Family names: the article, when the name carries one, is written by the Latin renderer
# (al-/Al /El-/dropped); the Latin columns give the name without it.
FAMILY = """
الحسن;5;Hassan/Hasan;Hassan;Ḥasan
الأحمد;5;Ahmad/Ahmed;Ahmed;Aḥmad
العلي;4;Ali;Ali;ʿAlī
المحمد;4;Mohammad/Mohammed/Muhammad;Mohamed;Muḥammad
الخطيب;3;Khatib/Khateeb;Khatib;Khaṭīb
المصري;2;Masri/Masry;Masri;Miṣrī
الحلبي;2;Halabi;Halabi;Ḥalabī
الحموي;2;Hamwi/Hamawi;Hamoui;Ḥamawī
الشامي;2;Shami;Chami;Shāmī
الزعبي;3;Zoubi/Zoabi/Zu'bi/Zuabi;Zoubi;Zuʿbī
الحريري;2;Hariri;Hariri;Ḥarīrī
المقداد;2;Mekdad/Miqdad/Meqdad;Mekdad;Miqdād
الجاسم;2;Jasem/Jassem/Jasim;Jassem;Jāsim
الصالح;2;Saleh/Salih;Saleh;Ṣāliḥ
الخليل;2;Khalil;Khalil;Khalīl
الحمصي;1;Homsi;Homsi;Ḥimṣī
الدرويش;1;Darwish/Darweesh;Darwiche;Darwīsh
الرفاعي;1;Rifai/Refai/Rifaee;Rifai;Rifāʿī
النعيمي;1;Nuaimi/Naimi/Nuaymi;Naimi;Nuʿaymī
البكري;1;Bakri;Bakri;Bakrī
العمر;2;Omar;Omar;ʿUmar
الحسين;2;Hussein/Hussain;Houssein;Ḥusayn
الإبراهيم;2;Ibrahim;Ibrahim;Ibrāhīm
الشيخ;1;Sheikh/Shaikh;Cheikh;Shaykh
السيد;1;Sayed/Sayyed;Sayed;Sayyid
الخضر;1;Khodr/Khidr/Khader;Khodr;Khiḍr
الحمد;1;Hamad/Hamed;Hamad;Ḥamad
الدالاتي;1;Dalati;Dalati;Dālātī
الكردي;1;Kurdi/Kordi;Kurdi;Kurdī
التركماني;1;Turkmani;Turkmani;Turkumānī
العبد الله;2;Abdullah/Abdallah;Abdallah;ʿAbd Allāh
الأسود;1;Aswad;Asouad;Aswad
المحاميد;2;Mahamid/Mahameed;Mahamid;Maḥāmīd
العودة;1;Odeh/Awda/Oudeh;Oudeh;ʿAwda
الحوراني;1;Hourani/Horani/Hawrani;Hourani;Ḥawrānī
السعدي;1;Saadi/Saidi;Saadi;Saʿdī
الفارس;1;Fares/Faris;Fares;Fāris
الملا;1;Mulla/Molla/Mullah;Molla;Mullā
البيطار;1;Bitar/Baytar;Bitar;Bayṭār
الجندي;1;Jundi/Joundi;Joundi;Jundī
العيسى;1;Issa/Eissa;Issa;ʿĪsā
المرعي;1;Marei/Mari;Marei;Marʿī
قاسم;2;Qasem/Kassem/Qassem;Kacem;Qāsim
عثمان;1;Othman/Osman;Othmane;ʿUthmān
حداد;2;Haddad;Haddad;Ḥaddād
نصر;1;Nasr/Nassr;Nasr;Naṣr
شحادة;1;Shehadeh/Shihadeh/Shahada;Chehade;Shiḥāda
الحاج علي;1;Haj Ali/Hajj Ali/Al-Haj Ali;El Hajj Ali;al-Ḥājj ʿAlī
أبو زيد;1;Abu Zeid/Abuzeid/Abu Zaid;Abou Zeid;Abū Zayd
كيالي;1;Kayali/Kayyali;Kayali;Kayyālī
طلاس;1;Tlass/Tallas;Tlass;Ṭalās
"""

# Places: Arabic ; committee that covers it (0-3) ; English spellings ; French ; scholarly
PLACES = """
درعا;0;Daraa/Deraa/Dar'a;Deraa;Darʿā
نوى;0;Nawa/Nawa;Nawa;Nawā
جاسم;0;Jasim/Jassem;Jassem;Jāsim
انخل;0;Inkhil/Inkhel;Inkhil;Inkhil
الصنمين;0;Al-Sanamayn/Sanamein;Sanamein;al-Ṣanamayn
داريا;1;Daraya/Darayya;Daraya;Dārayyā
دوما;1;Douma/Duma;Douma;Dūmā
معضمية الشام;1;Moadamiyet al-Sham/Muadamiyah;Moadamiyé;Muʿaḍḍamiyyat al-Shām
الزبداني;1;Zabadani/Al-Zabadani;Zabadani;al-Zabadānī
التل;1;Al-Tall/Al Tal;Tell;al-Tall
دمشق;1;Damascus/Dimashq;Damas;Dimashq
حمص;2;Homs/Hims;Homs;Ḥimṣ
حماة;2;Hama/Hamah;Hama;Ḥamāh
تلبيسة;2;Talbiseh/Talbisah;Talbisé;Talbīsa
الرستن;2;Rastan/Al-Rastan;Rastane;al-Rastan
القصير;2;Qusayr/Al-Qusair;Qousseir;al-Quṣayr
إدلب;3;Idlib/Edlib;Idleb;Idlib
سراقب;3;Saraqib/Saraqeb;Saraqeb;Sarāqib
بنش;3;Binnish/Binnsh;Binnich;Binnish
حلب;3;Aleppo/Halab;Alep;Ḥalab
منبج;3;Manbij/Menbij;Manbij;Manbij
دير الزور;3;Deir ez-Zor/Deir Ezzor/Dayr al-Zawr;Deir ez-Zor;Dayr al-Zūr
اللاذقية;2;Latakia/Lattakia;Lattaquié;al-Lādhiqiyya
"""


def parse(block: str) -> list[tuple[str, int, list[str], list[str], str]]:
    out = []
    for line in block.strip().splitlines():
        ar, weight, en, fr, sch = line.split(";")
        out.append((ar, int(weight), en.split("/"), fr.split("/"), sch))
    return out


# Family names from trades and offices, each rare (their share of the long tail).
TRADES = """
النجار;1;Najjar/Nadjar;Naggiar/Najjar;Najjār
الخياط;1;Khayyat/Khayat;Khayat;Khayyāṭ
العطار;1;Attar/Al-Attar;Attar;ʿAṭṭār
الحلاق;1;Hallak/Hallaq;Hallak;Ḥallāq
الصباغ;1;Sabbagh/Sabagh;Sabbagh;Ṣabbāgh
القصاب;1;Kassab/Qassab;Kassab;Qaṣṣāb
الدباغ;1;Dabbagh/Debbagh;Dabbagh;Dabbāgh
الطحان;1;Tahhan/Tahan;Tahhane;Ṭaḥḥān
السمان;1;Samman/Saman;Samman;Sammān
الزيات;1;Zayyat/Zayat;Zayat;Zayyāt
الجزار;1;Jazzar/Jazar;Djazzar;Jazzār
الخباز;1;Khabbaz/Khabaz;Khabbaz;Khabbāz
النحاس;1;Nahhas/Nahas;Nahas;Naḥḥās
الصواف;1;Sawwaf/Sawaf;Sawaf;Ṣawwāf
الحكيم;1;Hakim/Hakeem;Hakim;Ḥakīm
القاضي;1;Qadi/Kadi/Qadhi;Kadi;Qāḍī
الكاتب;1;Katib/Kateb;Kateb;Kātib
المفتي;1;Mufti/Mofti;Moufti;Muftī
الإمام;1;Imam/Emam;Imam;Imām
الحجار;1;Hajjar/Hajar;Hajjar;Ḥajjār
البنا;1;Banna/Bana;Banna;Bannāʾ
الدهان;1;Dahhan/Dahan;Dahan;Dahhān
الشماع;1;Shammaa/Shamaa;Chammaa;Shammāʿ
السقا;1;Saqqa/Sakka;Sakka;Saqqā
الفحام;1;Fahham/Faham;Fahham;Faḥḥām
القباني;1;Qabbani/Kabbani;Kabbani;Qabbānī
الدقاق;1;Daqqaq/Dakkak;Dakkak;Daqqāq
الحداد;1;Haddad/Hadad;Haddad;Ḥaddād
الفران;1;Farran/Faran;Farrane;Farrān
الصائغ;1;Sayegh/Saigh/Sayigh;Sayegh;Ṣāʾigh
المعلم;1;Moallem/Mualem/Muallim;Moallem;Muʿallim
الطباع;1;Tabbaa/Tabaa;Tabbaa;Ṭabbāʿ
الحصري;1;Husari/Hosary;Housari;Ḥuṣrī
العجلاني;1;Ajlani;Ajlani;ʿAjlānī
الغزي;1;Ghazzi/Ghazi;Ghazzi;Ghazzī
البرازي;1;Barazi;Barazi;Barāzī
الأتاسي;1;Atassi/Atasi;Atassi;Atāsī
الجابي;1;Jabi;Jabi;Jābī
السباعي;1;Sibai/Sibaei;Sibai;Sibāʿī
الخاني;1;Khani;Khani;Khānī
"""


def derived_families(male: list) -> list[tuple[str, int, list[str], list[str], str]]:
    """The long tail of family names: families named after an ancestor, with the article
    (المصطفى، اليوسف) or as a kunya (أبو حمزة), each rare."""
    out = [(ar, 2, en, fr, sch) for ar, _w, en, fr, sch in parse(TRADES)]
    have = {line.split(";")[0] for line in FAMILY.strip().splitlines()}
    for ar, _w, en, fr, sch in male:
        if " " in ar:
            continue
        if "ال" + ar not in have:
            out.append(("ال" + ar, 2, en[:3], fr, sch))
        out.append(
            (
                "أبو " + ar,
                2,
                ["Abu " + e for e in en[:2]] + ["Abu-" + en[0]],
                ["Abou " + f for f in fr],
                "Abū " + sch,
            )
        )
    return out

package org.doudi.bench;

import java.util.concurrent.atomic.AtomicInteger;

/** Chinese names for the seed, none twice in a run (family name × two given characters). */
final class Names {

    private static final String FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉力志国成林春梅海云飞波宁";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Names() {
    }

    static String next() {
        int n = NEXT.getAndIncrement();
        int g = GIVEN.length();
        return "" + FAMILY.charAt(n % FAMILY.length()) + GIVEN.charAt((n / FAMILY.length()) % g)
                + GIVEN.charAt((n / FAMILY.length() / g) % g);
    }
}
